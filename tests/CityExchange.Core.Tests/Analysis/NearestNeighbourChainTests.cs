using CityExchange.Core.Analysis.Clustering;
using CsCheck;

namespace CityExchange.Core.Tests.Analysis;

/// <summary>
/// The chain on a linkage that is not reducible, as rounding can make Ward or average linkage by an ulp: here not at
/// all (a merged cluster comes closer to every other than its parts were, so the chain meets clusters it already holds).
/// It still ends, with a valid tree: every cluster merged exactly once, sizes adding up, children before parents.
/// </summary>
public sealed class NearestNeighbourChainTests
{
    /// <summary>Dissimilarities from a table; a merged cluster is at half the nearer of its parts' dissimilarities from each other cluster.</summary>
    private readonly struct ShrinkingLinkage(double[,] table) : IReducibleLinkage
    {
        public int Nearest(int a, ReadOnlySpan<int> active, out double dissimilarity)
        {
            var nearest = -1;
            dissimilarity = double.PositiveInfinity;
            foreach (var x in active)
            {
                if (x != a && (table[a, x] < dissimilarity || nearest < 0))
                {
                    (dissimilarity, nearest) = (table[a, x], x);
                }
            }

            return nearest;
        }

        public void Merge(int a, int b, ReadOnlySpan<int> active)
        {
            foreach (var k in active)
            {
                table[b, k] = table[k, b] = 0.5 * Math.Min(table[a, k], table[b, k]);
            }
        }

        public double Height(double dissimilarity) => dissimilarity;
    }

    [Fact]
    public void Run_EndsWithAValidTree_WhenTheLinkageIsNotReducible() =>
        Gen.Int[2, 120].SelectMany(n => Gen.Double.Unit.Array[n * n].Select(values => (n, values))).Sample(sample =>
        {
            var (n, values) = sample;
            var table = new double[n, n];
            for (var i = 0; i < n; i++)
            {
                for (var j = 0; j < i; j++)
                {
                    table[i, j] = table[j, i] = values[(i * n) + j];
                }
            }

            var tree = NearestNeighbourChain.Run(n, new ShrinkingLinkage(table), CancellationToken.None);

            Assert.Equal(n - 1, tree.Merges.Count);
            var size = Enumerable.Repeat(1, n).Concat(new int[n - 1]).ToArray();
            var merged = new bool[(2 * n) - 1];
            for (var m = 0; m < n - 1; m++)
            {
                var merge = tree.Merges[m];
                Assert.True(merge.Left < merge.Right && merge.Right < n + m, $"Merge {m} uses a cluster not made yet.");
                Assert.False(merged[merge.Left] || merged[merge.Right], $"Merge {m} merges a cluster twice.");
                merged[merge.Left] = merged[merge.Right] = true;
                size[n + m] = size[merge.Left] + size[merge.Right];
                Assert.Equal(size[n + m], merge.Size);
            }

            Assert.Equal(n, tree.Merges[^1].Size);
        });
}
