using System.Globalization;
using NorthKoreaShadowWar.Tests.Support;
using YamlDotNet.RepresentationModel;

namespace NorthKoreaShadowWar.Tests.Deploy;

/// <summary>
/// The Kubernetes manifests in deploy/k8s/ read as the Jobs they claim to be: an Indexed Job of N shards, each index
/// mapped to --shard (index+1)/N on the shared volume, and a merge Job over the same N folders. (Checked as YAML only:
/// no cluster runs them here.)
/// </summary>
public class KubernetesShardJobTests
{
    private static YamlMappingNode Load(string file)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(File.ReadAllText(Path.Combine(Paths.Repository, "deploy", "k8s", file))));
        Assert.That(stream.Documents, Has.Count.EqualTo(1), file);
        return (YamlMappingNode)stream.Documents[0].RootNode;
    }

    private static YamlNode At(YamlNode node, params string[] path)
    {
        foreach (var key in path)
        {
            Assert.That(node, Is.InstanceOf<YamlMappingNode>(), $"'{key}' is looked up in a mapping");
            var mapping = (YamlMappingNode)node;
            Assert.That(mapping.Children.ContainsKey(key), $"missing '{key}'");
            node = mapping[key];
        }
        return node;
    }

    private static string Text(YamlNode node, params string[] path) => ((YamlScalarNode)At(node, path)).Value!;

    private static YamlMappingNode Container(YamlMappingNode job) => (YamlMappingNode)((YamlSequenceNode)At(job, "spec", "template", "spec", "containers"))[0];

    private static string Environment(YamlMappingNode container, string name) =>
        Text(((YamlSequenceNode)At(container, "env")).Cast<YamlMappingNode>().Single(e => Text(e, "name") == name), "value");

    private static string Script(YamlMappingNode container) => string.Join(" ", ((YamlSequenceNode)At(container, "args")).Cast<YamlScalarNode>().Select(a => a.Value));

    private static string ClaimName(YamlMappingNode job) =>
        Text(((YamlSequenceNode)At(job, "spec", "template", "spec", "volumes")).Cast<YamlMappingNode>()
            .Single(v => v.Children.ContainsKey("persistentVolumeClaim")), "persistentVolumeClaim", "claimName");

    [Test]
    public void The_shards_are_an_indexed_job_whose_index_plus_one_is_the_shard_of_n()
    {
        var job = Load("shards-job.yaml");
        var container = Container(job);
        var script = Script(container);
        var shards = Text(job, "spec", "completions");
        Assert.Multiple(() =>
        {
            Assert.That((Text(job, "apiVersion"), Text(job, "kind")), Is.EqualTo(("batch/v1", "Job")));
            Assert.That(Text(job, "spec", "completionMode"), Is.EqualTo("Indexed"));
            Assert.That(int.Parse(Text(job, "spec", "parallelism"), CultureInfo.InvariantCulture), Is.InRange(1, int.Parse(shards, CultureInfo.InvariantCulture)));
            Assert.That(Environment(container, "SHARDS"), Is.EqualTo(shards), "SHARDS is the number of completions");
            Assert.That(Text(job, "spec", "template", "spec", "restartPolicy"), Is.AnyOf("Never", "OnFailure"));
            Assert.That(script, Does.StartWith("exec shadowwar run ").And.Contain("--shard \"$((JOB_COMPLETION_INDEX + 1))/$SHARDS\"")
                .And.Contain("--out \"/runs/baseline/shard-$((JOB_COMPLETION_INDEX + 1))\""));
            Assert.That(ClaimName(job), Is.EqualTo(Text(Load("pvc.yaml"), "metadata", "name")));
            Assert.That(Text(Load("pvc.yaml"), "kind"), Is.EqualTo("PersistentVolumeClaim"));
            Assert.That(((YamlSequenceNode)At(Load("pvc.yaml"), "spec", "accessModes")).Cast<YamlScalarNode>().Select(m => m.Value), Does.Contain("ReadWriteMany"));
            Assert.That(((YamlSequenceNode)At(container, "volumeMounts")).Cast<YamlMappingNode>().Select(m => Text(m, "mountPath")), Does.Contain("/runs"));
        });
    }

    [Test]
    public void The_merge_job_reads_the_same_n_shard_folders_from_the_same_volume()
    {
        var shards = Load("shards-job.yaml");
        var merge = Load("merge-job.yaml");
        var container = Container(merge);
        Assert.Multiple(() =>
        {
            Assert.That(Text(merge, "kind"), Is.EqualTo("Job"));
            Assert.That(Environment(container, "SHARDS"), Is.EqualTo(Text(shards, "spec", "completions")));
            Assert.That(Script(container), Does.StartWith("exec shadowwar merge $(seq -f \"/runs/baseline/shard-%g\" 1 \"$SHARDS\")")
                .And.Contain("--out /runs/baseline/merged"));
            Assert.That(ClaimName(merge), Is.EqualTo(ClaimName(shards)));
            Assert.That(Text(container, "image"), Is.EqualTo(Text(Container(shards), "image")));
        });
    }
}
