using CityExchange.Core.Framework;
using CityExchange.Core.Scoring;

namespace CityExchange.Core.Analysis.Audit;

/// <summary>
/// The JRC-style statistical audit of one year (OECD/JRC Handbook; definitions from COINr, cited on each part):
/// descriptive statistics and the outlier check per indicator, pairwise-complete correlations and their flags,
/// Cronbach's alpha, a PCA per domain, and data availability per city. Correlations and PCA read each indicator
/// with its polarity applied (value × polarity): the same coefficients as on its min–max scores. Cronbach's alpha
/// reads the min–max scores themselves (<see cref="MinMaxNormaliser"/>) of the indicators that have them.
/// </summary>
public static class StatisticalAudit
{
    public static AuditReport Run(AuditInput input, AuditOptions? options = null)
    {
        options ??= AuditOptions.Default;
        var matrix = input.Values;
        var framework = matrix.Framework;
        var n = matrix.CityCount;
        if (input.CityCodes.Count != n)
        {
            throw new ArgumentException("One city code per matrix column is needed.", nameof(input));
        }

        var codes = framework.Indicators.Select(i => i.Code).ToArray();
        var directed = new double[framework.Count][];
        for (var j = 0; j < framework.Count; j++)
        {
            var polarity = framework.Indicators[j].Polarity;
            directed[j] = [.. matrix.Column(j).ToArray().Select(x => polarity * x)];
        }

        var correlations = PairwiseCorrelations.Compute(codes, directed);
        var findings = Findings(framework, correlations, options);
        var indicators = new List<IndicatorAudit>(framework.Count);
        for (var j = 0; j < framework.Count; j++)
        {
            var indicator = framework.Indicators[j];
            var statistics = ColumnStatistics.Of(matrix.Column(j));
            var flags = new List<AuditFinding>();
            if (statistics.Outlier == true)
            {
                flags.Add(AuditFinding.Outlier);
            }

            flags.AddRange(findings.Where(f => f.First == indicator.Code || f.Second == indicator.Code).Select(f => f.Finding).Distinct().Order());
            var domainScores = input.DomainScores?.Skip((int)indicator.Domain * n).Take(n).ToArray();
            indicators.Add(new IndicatorAudit(
                indicator.Code, indicator.Domain, statistics.N, statistics.Missing, statistics.Min, statistics.Max,
                statistics.Mean, statistics.Median, statistics.Sd, statistics.Skew, statistics.Kurtosis, statistics.Outlier,
                domainScores is null ? double.NaN : PairwiseCorrelations.Pearson(directed[j], domainScores),
                input.Overall is null ? double.NaN : PairwiseCorrelations.Pearson(directed[j], [.. input.Overall]),
                flags));
        }

        return new AuditReport(
            input.Year, indicators, correlations, Cronbach(matrix), Pca(framework, directed), Coverage(input), findings);
    }

    /// <summary>Negative and insignificant pairs within a domain and collinear pairs, each pair once (framework order).</summary>
    private static List<CorrelationFinding> Findings(IndicatorFramework framework, CorrelationTable table, AuditOptions options)
    {
        var findings = new List<CorrelationFinding>();
        for (var i = 0; i < framework.Count; i++)
        {
            for (var j = i + 1; j < framework.Count; j++)
            {
                var r = table.Pearson[i][j];
                var p = table.PearsonP[i][j];
                var sameDomain = framework.DomainOf[i] == framework.DomainOf[j];
                if (sameDomain && r < 0)
                {
                    Add(AuditFinding.NegativeWithinDomain);
                }

                if (sameDomain && p > options.SignificanceLevel)
                {
                    Add(AuditFinding.InsignificantWithinDomain);
                }

                if ((sameDomain || !options.CollinearWithinDomainOnly) && Math.Abs(r) > options.CollinearThreshold)
                {
                    Add(AuditFinding.Collinear);
                }

                void Add(AuditFinding finding) => findings.Add(new CorrelationFinding(finding, table.Codes[i], table.Codes[j], r, p));
            }
        }

        return findings;
    }

    private static CronbachAlphas Cronbach(IndicatorMatrix matrix)
    {
        var framework = matrix.Framework;
        var scored = new List<(Domain Domain, double[] Scores)>();
        for (var j = 0; j < framework.Count; j++)
        {
            var scores = new double[matrix.CityCount];
            if (MinMaxNormaliser.Normalise(matrix.Column(j), framework.Indicators[j].Polarity, scores, out _) == NormalisationOutcome.Scored)
            {
                scored.Add((framework.Indicators[j].Domain, scores));
            }
        }

        double Of(Domain? domain) => CronbachAlpha.Of([.. scored.Where(s => domain is null || s.Domain == domain).Select(s => s.Scores)]);
        return new CronbachAlphas(Of(Domain.Social), Of(Domain.Culture), Of(Domain.Trade), Of(Domain.Politics), Of(null));
    }

    /// <summary>One PCA per domain that has indicators with values (an indicator nobody reported is left out).</summary>
    private static OrderedDictionary<string, PrincipalComponent> Pca(IndicatorFramework framework, double[][] directed)
    {
        var pca = new OrderedDictionary<string, PrincipalComponent>();
        foreach (var domain in Domains.All)
        {
            var members = Enumerable.Range(0, framework.Count)
                .Where(j => framework.DomainOf[j] == (int)domain && directed[j].Any(x => !double.IsNaN(x)))
                .ToList();
            if (members.Count > 0)
            {
                pca.Add(domain.Code(), PrincipalComponents.First(
                    [.. members.Select(j => framework.Indicators[j].Code)], [.. members.Select(j => directed[j])]));
            }
        }

        return pca;
    }

    private static List<CityCoverage> Coverage(AuditInput input)
    {
        var matrix = input.Values;
        var coverage = DataAvailability.Coverage(matrix);
        return [.. Enumerable.Range(0, matrix.CityCount).Select(c => new CityCoverage(
            input.CityCodes[c],
            coverage[c],
            [.. DataAvailability.MissingIndicators(matrix, c).Select(j => matrix.Framework.Indicators[j].Code)]))];
    }
}
