namespace CityExchange.Core.Sensitivity;

/// <summary>A model of one run: the mapped input values (discrete inputs as alternative indices) → one output.</summary>
public delegate double SensitivityModel(ReadOnlySpan<double> input);

/// <summary>
/// A model of a block of runs: <paramref name="inputs"/> holds rows × k mapped values (row-major) of consecutive design
/// rows starting at design row <paramref name="firstRow"/>; write one output per row into <paramref name="outputs"/>.
/// Blocks come in design order (<see cref="SaltelliDesign"/>), one at a time.
/// </summary>
public delegate void SensitivityBatchModel(ReadOnlySpan<double> inputs, int firstRow, Span<double> outputs);

/// <summary>
/// Variance-based global sensitivity analysis: first-order and total Sobol indices with bootstrap intervals, from a
/// <see cref="SaltelliDesign"/> run through a model and <see cref="SobolEstimator"/>. Runs on the calling thread, in
/// blocks of <see cref="BlockRows"/> rows; between blocks it reports progress (the share of runs done, 0–1) and honours
/// cancellation, which a one-run model (<see cref="SensitivityModel"/>) also checks before every run; a batch model
/// checks it within its blocks itself.
/// </summary>
public static class SobolAnalysis
{
    public const int BlockRows = 256;

    public static SobolResult Run(
        IReadOnlyList<SensitivityInput> inputs, SensitivityModel model, SobolOptions? options = null,
        IProgress<double>? progress = null, CancellationToken cancellationToken = default)
    {
        var k = inputs.Count;
        return Run(inputs, (rows, _, outputs) =>
        {
            for (var r = 0; r < outputs.Length; r++)
            {
                // Per run, not only per block: one run of a model can take long.
                cancellationToken.ThrowIfCancellationRequested();
                outputs[r] = model(rows.Slice(r * k, k));
            }
        }, options, progress, cancellationToken);
    }

    public static SobolResult Run(
        IReadOnlyList<SensitivityInput> inputs, SensitivityBatchModel model, SobolOptions? options = null,
        IProgress<double>? progress = null, CancellationToken cancellationToken = default)
    {
        options ??= new SobolOptions();
        var design = SaltelliDesign.Create(inputs, options);
        var k = inputs.Count;
        var runs = SaltelliDesign.Rows(options.Samples, k);
        var outputs = new double[runs];
        for (var start = 0; start < runs; start += BlockRows)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var count = Math.Min(BlockRows, runs - start);
            model(design.AsSpan(start * k, count * k), start, outputs.AsSpan(start, count));
            progress?.Report((double)(start + count) / runs);
        }

        cancellationToken.ThrowIfCancellationRequested();
        return SobolEstimator.Estimate(inputs, outputs, options);
    }
}
