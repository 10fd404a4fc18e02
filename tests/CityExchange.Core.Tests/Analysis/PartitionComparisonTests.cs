using CityExchange.Core.Analysis;

namespace CityExchange.Core.Tests.Analysis;

public sealed class PartitionComparisonTests
{
    [Fact]
    public void Compare_IdenticalPartitionsUnderOtherLabels_AgreeFully()
    {
        var agreement = PartitionAgreement.Compare([1, 1, 2, 2, 3], [7, 7, 5, 5, 9]);

        Assert.Equal(1.0, agreement.AdjustedRandIndex, 12);
        Assert.Equal(0, agreement.Misplaced);
        Assert.Equal(new Dictionary<int, int> { [1] = 7, [2] = 5, [3] = 9 }, agreement.LabelMatching);
    }

    [Fact]
    public void Compare_ComputesTheAdjustedRandIndexByHand()
    {
        // ours [0,0,0,1,1,1], theirs [0,0,1,1,2,2]: contingency [[2,1,0],[0,1,2]].
        // Σ C(nij,2) = 1+0+0+0+0+1 = 2; rows C(3,2)+C(3,2) = 6; columns 3·C(2,2) = 3; C(6,2) = 15.
        // expected = 6·3/15 = 1.2; max = (6+3)/2 = 4.5; ARI = (2−1.2)/(4.5−1.2) = 0.8/3.3.
        var agreement = PartitionAgreement.Compare([0, 0, 0, 1, 1, 1], [0, 0, 1, 1, 2, 2]);

        Assert.Equal(0.8 / 3.3, agreement.AdjustedRandIndex, 12);
        // Best matching 0→0 (2 items), 1→2 (2 items): 2 of 6 placed differently.
        Assert.Equal(2, agreement.Misplaced);
    }

    [Fact]
    public void Compare_RefusesPartitionsOfDifferentLength() =>
        Assert.Throws<ArgumentException>(() => PartitionAgreement.Compare([1, 2], [1]));
}
