using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;

namespace NorthKoreaShadowWar;

/// <summary>
/// The members of a public record as its generated <c>ToString</c> shows them (<c>Name = value, ...</c>), with numbers
/// in the invariant culture, as everything else the library writes (docs/library.md): a record declares its own
/// <c>PrintMembers</c> through this, since the compiler's writes numbers in the caller's culture.
/// </summary>
internal static class RecordMembers
{
    public static bool Print(StringBuilder builder, params ReadOnlySpan<(string Name, object? Value)> members)
    {
        for (var i = 0; i < members.Length; i++)
        {
            if (i > 0) builder.Append(", ");
            builder.Append(members[i].Name).Append(" = ");
            Append(builder, members[i].Value);
        }
        return true;
    }

    private static void Append(StringBuilder builder, object? value)
    {
        switch (value)
        {
            case IFormattable formattable:
                builder.Append(formattable.ToString(null, CultureInfo.InvariantCulture));
                break;
            case ITuple tuple:
                builder.Append('(');
                for (var i = 0; i < tuple.Length; i++)
                {
                    if (i > 0) builder.Append(", ");
                    Append(builder, tuple[i]);
                }
                builder.Append(')');
                break;
            default:
                builder.Append(value?.ToString());
                break;
        }
    }
}
