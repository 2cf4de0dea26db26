using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.LinearAlgebra.Storage;

namespace NorthKoreaShadowWar.Exact;

/// <summary>
/// A sparse matrix in compressed rows that multiplies several vectors in one pass over its entries: conditioning on
/// evidence moves one distribution per tracker combination each step, and reading the entries once for all of them is
/// what the time goes on.
/// </summary>
internal sealed class SparseRows
{
    private readonly int[] rowStart;
    private readonly int[] columns;
    private readonly double[] values;

    public SparseRows(Matrix<double> matrix)
    {
        if (matrix.Storage is not SparseCompressedRowMatrixStorage<double> storage)
            throw new ArgumentException("a sparse matrix is needed", nameof(matrix));
        Rows = matrix.RowCount;
        rowStart = storage.RowPointers[..(Rows + 1)];
        columns = storage.ColumnIndices[..storage.ValueCount];
        values = storage.Values[..storage.ValueCount];
    }

    public int Rows { get; }

    /// <summary>The number of stored entries.</summary>
    public long Entries => values.Length;

    /// <summary>results[i] = matrix × sources[i], for every i.</summary>
    public void Multiply(IReadOnlyList<double[]> sources, IReadOnlyList<double[]> results)
    {
        var count = sources.Count;
        if (count == 1)
        {
            Multiply(sources[0], results[0]);
            return;
        }
        var sums = new double[count];
        for (var row = 0; row < Rows; row++)
        {
            Array.Clear(sums);
            for (var j = rowStart[row]; j < rowStart[row + 1]; j++)
            {
                var value = values[j];
                var column = columns[j];
                for (var i = 0; i < count; i++) sums[i] += value * sources[i][column];
            }
            for (var i = 0; i < count; i++) results[i][row] = sums[i];
        }
    }

    private void Multiply(double[] source, double[] result)
    {
        for (var row = 0; row < Rows; row++)
        {
            var sum = 0.0;
            for (var j = rowStart[row]; j < rowStart[row + 1]; j++) sum += values[j] * source[columns[j]];
            result[row] = sum;
        }
    }
}
