using CityExchange.Core.Analysis;

namespace CityExchange.Web.Pages.Analysis;

/// <summary>A segment of the drawn dendrogram; <see cref="Cluster"/> is 0 for links above the cut (drawn neutral).</summary>
public sealed record DendrogramLine(double X1, double Y1, double X2, double Y2, int Cluster);

/// <summary>A leaf: its score-sheet position, row centre and cluster.</summary>
public sealed record DendrogramLeaf(int City, double Y, int Cluster);

/// <summary>
/// Coordinates for a horizontal dendrogram drawn as SVG by the page: leaves top to bottom on the left, merge height
/// growing to the right, links coloured by the cluster they lie in when cut at k.
/// </summary>
public sealed record DendrogramLayout(
    double Width,
    double Height,
    double TreeLeft,
    double TreeWidth,
    double MaxHeight,
    double CutX,
    IReadOnlyList<DendrogramLine> Lines,
    IReadOnlyList<DendrogramLeaf> Leaves,
    IReadOnlyList<(double X, double Value)> Ticks)
{
    public const double RowHeight = 18;
    public const double Top = 10;
    public const double LabelWidth = 96;
    public const double TreeSpan = 520;
    public const double AxisHeight = 28;

    public static DendrogramLayout For(ClusterResult result)
    {
        var tree = result.Tree;
        var n = tree.LeafCount;
        var maxHeight = tree.Merges.Count == 0 ? 1 : Math.Max(tree.Merges[^1].Height, 1e-9);
        double X(double h) => LabelWidth + (h / maxHeight * TreeSpan);

        var y = new double[n + tree.Merges.Count];
        var x = new double[n + tree.Merges.Count];
        var cluster = new int[n + tree.Merges.Count];
        var order = tree.LeafOrder();
        var leaves = new List<DendrogramLeaf>(n);
        for (var row = 0; row < order.Count; row++)
        {
            var leaf = order[row];
            y[leaf] = Top + (row * RowHeight) + (RowHeight / 2);
            x[leaf] = LabelWidth;
            cluster[leaf] = result.LeafClusters[leaf];
            leaves.Add(new DendrogramLeaf(result.Leaves[leaf], y[leaf], cluster[leaf]));
        }

        var lines = new List<DendrogramLine>();
        for (var m = 0; m < tree.Merges.Count; m++)
        {
            var merge = tree.Merges[m];
            var node = n + m;
            x[node] = X(merge.Height);
            y[node] = (y[merge.Left] + y[merge.Right]) / 2;
            cluster[node] = cluster[merge.Left] == cluster[merge.Right] ? cluster[merge.Left] : 0;
            lines.Add(new DendrogramLine(x[merge.Left], y[merge.Left], x[node], y[merge.Left], cluster[merge.Left]));
            lines.Add(new DendrogramLine(x[merge.Right], y[merge.Right], x[node], y[merge.Right], cluster[merge.Right]));
            lines.Add(new DendrogramLine(x[node], y[merge.Left], x[node], y[merge.Right], cluster[node]));
        }

        var ticks = Enumerable.Range(0, 5).Select(i => (X(maxHeight * i / 4), maxHeight * i / 4)).ToList();
        var height = Top + (n * RowHeight) + AxisHeight;
        return new DendrogramLayout(LabelWidth + TreeSpan + 16, height, LabelWidth, TreeSpan, maxHeight,
            tree.Merges.Count == 0 ? LabelWidth : X(tree.CutHeight(result.K)), lines, leaves, ticks);
    }
}
