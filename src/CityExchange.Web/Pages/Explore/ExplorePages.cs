using System.Globalization;
using CityExchange.Core.Cities;
using CityExchange.Core.Framework;
using CityExchange.Core.Scoring;
using CityExchange.Web.Pages.Shared;
using CityExchange.Web.Hosting;
using CityExchange.Web.Scoring;
using CityExchange.Web.Store;

namespace CityExchange.Web.Pages.Explore;

/// <summary>Builds the view models of /Explore, /Explore/City/{code} and the partials _WhatIf, _Targets and _RankChange.</summary>
public sealed class ExplorePages(ExploreService explore, RankingService rankings, IndicatorTexts texts)
{
    /// <summary>/Explore: the state comes from the query string (the page's GET form and its shared URLs).</summary>
    public async Task<ExploreView> ExploreAsync(IQueryCollection query, CancellationToken cancellationToken = default)
    {
        var get = Get(query);
        var years = await YearsAsync(cancellationToken);
        var year = PickYear(years, get("year"));
        if (year is null)
        {
            return new ExploreView(years, null, ExploreSettings.Default, null, [], new Dictionary<string, double>(), [], [], UncertaintyView.Default);
        }

        // "Apply preset" (the form without script) starts from the preset's weights, dropping the weights typed before.
        var presetOnly = get("apply") == "preset";
        var parsed = await explore.ParseAsync(key => presetOnly && key == "weights" ? null : get(key), !presetOnly, cancellationToken);
        var error = parsed.Error;
        var settings = parsed.Value ?? ExploreSettings.Default;
        var scored = await explore.ScoreAsync(year.Year, settings, cancellationToken);
        if (scored.Value is null)
        {
            error ??= scored.Error;
            settings = ExploreSettings.Default;
            scored = await explore.ScoreAsync(year.Year, settings, cancellationToken);
        }

        var result = scored.Value!;
        var defaults = settings.IsDefault ? result : (await explore.ScoreAsync(year.Year, ExploreSettings.Default, cancellationToken)).Value!;
        var preset = (await explore.PresetAsync(year.Year, settings.Preset, cancellationToken)).Value
            ?? ScoringWeights.Equal(result.Context.Data.Reference.Framework);
        var uncertainty = get("mc") == "1" ? await UncertaintyAsync(year.Year, settings, result.Scores, get, cancellationToken) : ReadUncertainty(get);
        return new ExploreView(
            years, year, settings, error, WeightRows(result.Context), BaseWeights(result.Context.Data.Reference.Framework, preset),
            Rows(result.Scores, defaults.Scores), result.Warnings, uncertainty);
    }

    /// <summary>/Explore/City/{code}: what-if (values as <c>v.&lt;indicator&gt;</c>), targets (<c>rank</c>) and the change between <c>from</c> and <c>to</c>.</summary>
    /// <param name="publishedFallsBack">
    /// A published year (domain scores, no indicator values) gives way to the latest year with indicator values; the
    /// city profile does this, and says so, so that its what-if and targets have values to work on.
    /// </param>
    public async Task<CityToolsView> CityAsync(string code, IQueryCollection query, bool publishedFallsBack = false, CancellationToken cancellationToken = default)
    {
        var get = Get(query);
        var reference = await explore.ReferenceAsync(cancellationToken);
        if (!reference.Cities.TryResolve(code, out var city))
        {
            return new CityToolsView(code, code, [], null, null, null, null, explore.Text["Unknown city '{0}'.", code]);
        }

        var years = await YearsAsync(cancellationToken);
        var year = PickYear(years, get("year"));
        if (year is { IsPublished: true } && publishedFallsBack)
        {
            year = PickYear(years, null);
        }

        var parsed = await explore.ParseAsync(get, false, cancellationToken);
        var settings = parsed.Value ?? ExploreSettings.Default;
        if (year is null)
        {
            return new CityToolsView(city.Code, Localized.Name(city), years, null, null, null, null, parsed.Error);
        }

        var whatIf = await WhatIfAsync(city.Code, year.Year, settings, get, cancellationToken);
        var targets = await TargetsAsync(city.Code, year.Year, settings, get("rank"), cancellationToken);
        var change = await ChangeAsync(city.Code, years, get("from"), get("to"), settings, cancellationToken);
        return new CityToolsView(city.Code, Localized.Name(city), years, year, whatIf, targets, change, parsed.Error);
    }

    /// <summary>The what-if view of a city; <paramref name="get"/> may hold tried values as <c>v.&lt;indicator code&gt;</c>.</summary>
    public async Task<WhatIfView> WhatIfAsync(string cityCode, int year, ExploreSettings settings, Func<string, string?> get, CancellationToken cancellationToken = default)
    {
        var prepared = await explore.PrepareAsync(year, settings, cancellationToken);
        var empty = new ScoreSummary(null, null, [], []);
        if (prepared.Value is not { } context)
        {
            return new WhatIfView(cityCode, cityCode, year, false, settings.ApiQuery(), [], empty, null, [], [], prepared.Error);
        }

        var data = context.Data;
        var name = data.Reference.Cities.TryResolve(cityCode, out var c) ? Localized.Name(c) : cityCode;
        if (data.IsPublished || explore.ResolveCity(data, cityCode, out var index) is { } cityError)
        {
            var message = data.IsPublished
                ? explore.Text["{0} is a published year: the report gives domain scores, not indicator values, so this needs a year with indicator values.", year].Value
                : explore.ResolveCity(data, cityCode, out _);
            return new WhatIfView(cityCode, name, year, data.Year.IsDemo, settings.ApiQuery(), [], empty, null, [], [], message);
        }

        var framework = data.Reference.Framework;
        var tried = new List<OverrideInput>();
        var rows = new List<WhatIfRow>();
        string? error = null;
        for (var j = 0; j < framework.Count; j++)
        {
            var indicator = framework.Indicators[j];
            double? value = null;
            if (get("v." + indicator.Code) is { Length: > 0 } text)
            {
                if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && ExploreService.IsWhatIfValue(v))
                {
                    value = v;
                    if (v != data.Matrix![j, index] || double.IsNaN(data.Matrix[j, index]))
                    {
                        tried.Add(new OverrideInput(cityCode, indicator.Code, v));
                    }
                }
                else
                {
                    error = explore.Text["The value of {0} for {1} must be a number from 0 to {2}.", indicator.Code, name, ExploreService.MaxWhatIfValue];
                }
            }

            rows.Add(new WhatIfRow(indicator.Code, Localized.Name(indicator), texts.Unit(indicator), indicator.Domain, MissingValue.OrNull(data.Matrix![j, index]), value));
        }

        var before = context.Score();
        var beforeSummary = Summary(before, index);
        if (tried.Count == 0 || error is not null)
        {
            return new WhatIfView(cityCode, name, year, data.Year.IsDemo, settings.ApiQuery(), rows, beforeSummary, null, [], [], error);
        }

        var after = await explore.WhatIfAsync(year, settings, tried, cancellationToken);
        if (after.Value is not { } afterScores)
        {
            return new WhatIfView(cityCode, name, year, data.Year.IsDemo, settings.ApiQuery(), rows, beforeSummary, null, [], [], after.Error);
        }

        var (passes, passedBy) = Overtakes(before, afterScores.Scores, index);
        return new WhatIfView(cityCode, name, year, data.Year.IsDemo, settings.ApiQuery(), rows, beforeSummary,
            Summary(afterScores.Scores, index), passes, passedBy, null) { Method = settings.Method };
    }

    public async Task<TargetsView> TargetsAsync(string cityCode, int year, ExploreSettings settings, string? rank, CancellationToken cancellationToken = default)
    {
        var prepared = await explore.PrepareAsync(year, settings, cancellationToken);
        if (prepared.Value is not { } context)
        {
            return new TargetsView(cityCode, cityCode, year, false, settings.ApiQuery(), null, 0, null, [], prepared.Error);
        }

        var data = context.Data;
        var name = data.Reference.Cities.TryResolve(cityCode, out var c) ? Localized.Name(c) : cityCode;
        if (data.IsPublished)
        {
            return new TargetsView(cityCode, name, year, data.Year.IsDemo, settings.ApiQuery(), null, 0, null, [],
                explore.Text["{0} is a published year: the report gives domain scores, not indicator values, so this needs a year with indicator values.", year]);
        }

        var labels = data.Reference.Framework.Indicators.Select(i => new IndicatorLabel(i.Code, Localized.Name(i), texts.Unit(i))).ToList();
        var scores = context.Score();
        var index = data.IndexOf(cityCode);
        var currentRank = index >= 0 && scores.Sheet.OverallRanks[index] > 0 ? scores.Sheet.OverallRanks[index] : (int?)null;
        var count = scores.Sheet.OverallRanks.Count(r => r > 0);
        if (string.IsNullOrWhiteSpace(rank))
        {
            return new TargetsView(cityCode, name, year, data.Year.IsDemo, settings.ApiQuery(), currentRank, count, null, [], null) { Labels = labels };
        }

        int? target = int.TryParse(rank, NumberStyles.Integer, CultureInfo.InvariantCulture, out var r) ? r : null;
        var result = await explore.TargetsAsync(year, settings, cityCode, target, cancellationToken);
        if (result.Value is not { } targets)
        {
            return new TargetsView(cityCode, name, year, data.Year.IsDemo, settings.ApiQuery(), currentRank, count, target, [], result.Error) { Labels = labels };
        }

        var framework = data.Reference.Framework;
        var rows = targets.Targets.Select(t =>
        {
            var indicator = framework.Indicators[t.Indicator];
            return new TargetRow(indicator.Code, Localized.Name(indicator), texts.Unit(indicator), MissingValue.OrNull(t.Current), t.Value);
        }).ToList();
        return new TargetsView(cityCode, name, year, data.Year.IsDemo, settings.ApiQuery(), currentRank, count, target, rows, null) { Labels = labels };
    }

    public async Task<RankChangeView> ChangeAsync(
        string cityCode, IReadOnlyList<YearOption> years, string? from, string? to, ExploreSettings settings, CancellationToken cancellationToken = default)
    {
        var reference = await explore.ReferenceAsync(cancellationToken);
        var name = reference.Cities.TryResolve(cityCode, out var c) ? Localized.Name(c) : cityCode;
        var fromYear = int.TryParse(from, NumberStyles.Integer, CultureInfo.InvariantCulture, out var f) ? f
            : years.Count >= 2 ? years[^2].Year : (int?)null;
        var toYear = int.TryParse(to, NumberStyles.Integer, CultureInfo.InvariantCulture, out var t) ? t
            : years.Count >= 1 ? years[^1].Year : (int?)null;
        var empty = new RankChangeView(cityCode, name, years, fromYear, toYear, false, false, null, null, null, null, [], settings.ApiQuery(), null);
        if (fromYear is not { } a || toYear is not { } b)
        {
            return empty;
        }

        var result = await explore.ChangeAsync(cityCode, a, b, settings, cancellationToken);
        if (result.Value is not { } change)
        {
            return empty with { Error = result.Error };
        }

        var framework = change.Framework;
        var domains = change.Change.Domains.Select(d => new ChangeRow(
            d.Domain.Code(), Localized.Name(d.Domain), d.Domain.Code(), d.Contribution, MissingValue.OrNull(d.ScoreFrom), MissingValue.OrNull(d.ScoreTo),
            [.. d.Indicators.Select(i => new ChangeRow(
                framework.Indicators[i.Indicator].Code, Localized.Name(framework.Indicators[i.Indicator]), d.Domain.Code(), i.Contribution,
                MissingValue.OrNull(i.ScoreFrom), MissingValue.OrNull(i.ScoreTo), []))])).ToList();
        var s = change.Change;
        return new RankChangeView(cityCode, name, years, a, b, change.IsDemo, change.FromPublished != change.ToPublished,
            MissingValue.OrNull(s.ScoreFrom), MissingValue.OrNull(s.ScoreTo), s.RankFrom == 0 ? null : s.RankFrom, s.RankTo == 0 ? null : s.RankTo, domains,
            settings.ApiQuery(), null);
    }

    private async Task<UncertaintyView> UncertaintyAsync(
        int year, ExploreSettings settings, YearScores scores, Func<string, string?> get, CancellationToken cancellationToken)
    {
        var monteCarlo = MonteCarloParameters.Parse(get, explore.Text, out var error);
        var weightBounds = WeightBoundsParameters.Parse(get, explore.Text, out var boundsError);
        var view = UncertaintyView.From(monteCarlo, weightBounds) with { Run = true };
        if ((error ?? boundsError) is { } problem)
        {
            return view with { Error = problem };
        }

        var sensitivity = await explore.SensitivityAsync(year, settings, monteCarlo.Options, monteCarlo.VaryMethods, cancellationToken);
        var bounds = await explore.BoundsAsync(year, settings, weightBounds, cancellationToken);
        if (sensitivity.Value is not { } mc || bounds.Value is not { } box)
        {
            return view with { Error = sensitivity.Error ?? bounds.Error };
        }

        var rows = scores.ByRank()
            .Where(i => mc.Intervals[i].Rank > 0)
            .Select(i => new UncertaintyRow(scores.Cities[i].Code, Localized.Name(scores.Cities[i]), mc.Intervals[i].Rank,
                mc.Intervals[i].Median, mc.Intervals[i].P05, mc.Intervals[i].P95, box.Bounds.Cities[i].Best, box.Bounds.Cities[i].Worst))
            .ToList();
        return view with { Rows = rows, Points = box.Bounds.Points };
    }

    /// <summary>The form's Monte Carlo fields as the query set them (the defaults where absent or invalid), not yet run.</summary>
    private UncertaintyView ReadUncertainty(Func<string, string?> get) =>
        UncertaintyView.From(MonteCarloParameters.Parse(get, explore.Text, out _), WeightBoundsParameters.Parse(get, explore.Text, out _));

    private static IReadOnlyList<DomainWeightRow> WeightRows(ExploreContext context)
    {
        var framework = context.Data.Reference.Framework;
        var weights = context.Weights;
        var total = weights.Domain.Sum();
        return
        [
            .. Domains.All.Select(d => new DomainWeightRow(
                d, weights.Domain[(int)d], total > 0 ? weights.Domain[(int)d] / total : 0,
                [.. framework.Indicators.Select((indicator, j) => (indicator, j)).Where(x => x.indicator.Domain == d)
                    .Select(x => new IndicatorWeightRow(x.indicator.Code, Localized.Name(x.indicator), weights.Indicator[x.j]))])),
        ];
    }

    private static Dictionary<string, double> BaseWeights(IndicatorFramework framework, ScoringWeights weights)
    {
        var map = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var d in Domains.All)
        {
            map[d.Code()] = Math.Round(weights.Domain[(int)d], 3);
        }

        for (var j = 0; j < framework.Count; j++)
        {
            map[framework.Indicators[j].Code] = Math.Round(weights.Indicator[j], 3);
        }

        return map;
    }

    private static List<ExploredRankingRow> Rows(YearScores scores, YearScores defaults)
    {
        var sheet = scores.Sheet;
        return
        [
            .. scores.ByRank().Select(i =>
            {
                var city = scores.Cities[i];
                var d = defaults.IndexOf(city.Code);
                return new ExploredRankingRow(
                    city.Code, Localized.Name(city), Rank(sheet.OverallRanks[i]), d >= 0 ? Rank(defaults.Sheet.OverallRanks[d]) : null,
                    MissingValue.OrNull(sheet.Overall[i]), [.. Domains.All.Select(domain => MissingValue.OrNull(sheet.DomainScore(domain, i)))]);
            }),
        ];
    }

    private static ScoreSummary Summary(YearScores scores, int city) => new(
        MissingValue.OrNull(scores.Sheet.Overall[city]), Rank(scores.Sheet.OverallRanks[city]),
        [.. Domains.All.Select(d => MissingValue.OrNull(scores.Sheet.DomainScore(d, city)))],
        [.. Domains.All.Select(d => Rank(scores.Sheet.DomainRank(d, city)))]);

    /// <summary>The cities the city overtakes (ahead before, behind after) and those that overtake it.</summary>
    private static (List<City> Passes, List<City> PassedBy) Overtakes(YearScores before, YearScores after, int city)
    {
        var passes = new List<City>();
        var passedBy = new List<City>();
        var b = before.Sheet.Overall;
        var a = after.Sheet.Overall;
        for (var k = 0; k < b.Length; k++)
        {
            if (k == city || double.IsNaN(b[k]) || double.IsNaN(a[k]) || double.IsNaN(b[city]) || double.IsNaN(a[city]))
            {
                continue;
            }

            if (b[k] > b[city] + CompetitionRanker.TieTolerance && a[city] > a[k] + CompetitionRanker.TieTolerance)
            {
                passes.Add(before.Cities[k]);
            }
            else if (b[city] > b[k] + CompetitionRanker.TieTolerance && a[k] > a[city] + CompetitionRanker.TieTolerance)
            {
                passedBy.Add(before.Cities[k]);
            }
        }

        return (passes, passedBy);
    }

    private async Task<List<YearOption>> YearsAsync(CancellationToken cancellationToken) =>
        [.. (await rankings.GetYearsAsync(cancellationToken)).Select(YearOption.From)];

    /// <summary>The year asked for; a year that is not a whole number or has no data falls back to the page's default (not a 404).</summary>
    private static YearOption? PickYear(IReadOnlyList<YearOption> years, string? requested) =>
        (int.TryParse(requested, NumberStyles.Integer, CultureInfo.InvariantCulture, out var y) ? YearCatalogue.Pick(years, y, YearRule.LatestIndicators) : null)
        ?? YearCatalogue.Pick(years, null, YearRule.LatestIndicators);

    private static Func<string, string?> Get(IQueryCollection query) =>
        key => query.TryGetValue(key, out var values) ? values.ToString() : null;

    private static int? Rank(int rank) => rank == 0 ? null : rank;
}
