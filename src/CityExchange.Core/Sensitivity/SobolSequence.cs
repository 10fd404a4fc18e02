namespace CityExchange.Core.Sensitivity;

/// <summary>
/// The Sobol low-discrepancy sequence in up to <see cref="MaxDimensions"/> dimensions, with the direction numbers of
/// Joe and Kuo (2008, file new-joe-kuo-6.21201, the set scipy.stats.qmc.Sobol uses), generated in Gray-code order
/// (Antonov and Saleev) with 32-bit integers. Point 0 is the origin; unscrambled points equal scipy's
/// <c>Sobol(d, scramble=False)</c> exactly.
/// </summary>
public sealed class SobolSequence
{
    public const int MaxDimensions = 40;

    private const int Bits = 32;

    // Dimensions 2…40 of new-joe-kuo-6.21201: the primitive polynomial with its leading and trailing terms (bit i is
    // the coefficient of x^i; degree s = bit length − 1) and the initial direction numbers m_1…m_s.
    private static readonly (uint Polynomial, uint[] M)[] Table =
    [
        (3, [1]), (7, [1, 3]), (11, [1, 3, 1]), (13, [1, 1, 1]), (19, [1, 1, 3, 3]), (25, [1, 3, 5, 13]),
        (37, [1, 1, 5, 5, 17]), (41, [1, 1, 5, 5, 5]), (47, [1, 1, 7, 11, 19]), (55, [1, 1, 5, 1, 1]),
        (59, [1, 1, 1, 3, 11]), (61, [1, 3, 5, 5, 31]), (67, [1, 3, 3, 9, 7, 49]), (91, [1, 1, 1, 15, 21, 21]),
        (97, [1, 3, 1, 13, 27, 49]), (103, [1, 1, 1, 15, 7, 5]), (109, [1, 3, 1, 15, 13, 25]), (115, [1, 1, 5, 5, 19, 61]),
        (131, [1, 3, 7, 11, 23, 15, 103]), (137, [1, 3, 7, 13, 13, 15, 69]), (143, [1, 1, 3, 13, 7, 35, 63]),
        (145, [1, 3, 5, 9, 1, 25, 53]), (157, [1, 3, 1, 13, 9, 35, 107]), (167, [1, 3, 1, 5, 27, 61, 31]),
        (171, [1, 1, 5, 11, 19, 41, 61]), (185, [1, 3, 5, 3, 3, 13, 69]), (191, [1, 1, 7, 13, 1, 19, 1]),
        (193, [1, 3, 7, 5, 13, 19, 59]), (203, [1, 1, 3, 9, 25, 29, 41]), (211, [1, 3, 5, 13, 23, 1, 55]),
        (213, [1, 3, 7, 3, 13, 59, 17]), (229, [1, 3, 1, 3, 5, 53, 69]), (239, [1, 1, 5, 5, 23, 33, 13]),
        (241, [1, 1, 7, 7, 1, 61, 123]), (247, [1, 1, 7, 9, 13, 61, 49]), (253, [1, 3, 3, 5, 3, 55, 33]),
        (285, [1, 3, 1, 15, 31, 13, 49, 245]), (299, [1, 3, 5, 15, 31, 59, 63, 97]), (301, [1, 3, 1, 11, 11, 11, 77, 249]),
    ];

    private readonly uint[][] _directions;
    private readonly uint[] _state;
    private long _index;

    public SobolSequence(int dimensions)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(dimensions, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(dimensions, MaxDimensions);
        Dimensions = dimensions;
        _state = new uint[dimensions];
        _directions = new uint[dimensions][];
        for (var d = 0; d < dimensions; d++)
        {
            _directions[d] = Directions(d);
        }
    }

    public int Dimensions { get; }

    /// <summary>Writes the next point (in [0, 1)) into <paramref name="point"/>; the first call gives the origin.</summary>
    public void Next(Span<double> point)
    {
        CheckLength(point.Length);
        Advance();
        for (var d = 0; d < Dimensions; d++)
        {
            point[d] = _state[d] * (1.0 / 4294967296.0);
        }
    }

    /// <summary>The next point as 32-bit integers (coordinate = integer / 2^32), for a digital shift.</summary>
    public void NextBits(Span<uint> point)
    {
        CheckLength(point.Length);
        Advance();
        _state.CopyTo(point);
    }

    /// <summary>Makes point <paramref name="index"/> the next one returned (scipy's <c>fast_forward(index)</c> from the start).</summary>
    public void Seek(long index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, 1L << Bits);
        // Next() first steps from point index − 1, so that is the state to hold: point i is the XOR of the directions
        // picked by the bits of its Gray code i ⊕ (i >> 1).
        var gray = index == 0 ? 0 : (ulong)((index - 1) ^ ((index - 1) >> 1));
        for (var d = 0; d < Dimensions; d++)
        {
            uint x = 0;
            for (var bit = 0; bit < Bits; bit++)
            {
                if (((gray >> bit) & 1) != 0)
                {
                    x ^= _directions[d][bit];
                }
            }

            _state[d] = x;
        }

        _index = index;
    }

    private void CheckLength(int length)
    {
        if (length != Dimensions)
        {
            throw new ArgumentException("The point must have one entry per dimension.", nameof(length));
        }
    }

    private void Advance()
    {
        if (_index > 0)
        {
            // Gray-code order: point i differs from point i−1 in the direction of the lowest zero bit of i−1.
            var bit = System.Numerics.BitOperations.TrailingZeroCount(~(ulong)(_index - 1));
            if (bit >= Bits)
            {
                throw new InvalidOperationException("The 32-bit Sobol sequence has no more than 2^32 points.");
            }

            for (var d = 0; d < Dimensions; d++)
            {
                _state[d] ^= _directions[d][bit];
            }
        }

        _index++;
    }

    private static uint[] Directions(int dimension)
    {
        var v = new uint[Bits];
        if (dimension == 0)
        {
            // The first dimension is van der Corput's sequence in base 2: every m_k = 1.
            for (var k = 0; k < Bits; k++)
            {
                v[k] = 1u << (Bits - 1 - k);
            }

            return v;
        }

        var (polynomial, m) = Table[dimension - 1];
        var s = m.Length;
        for (var k = 0; k < s; k++)
        {
            v[k] = m[k] << (Bits - 1 - k);
        }

        // v_k = a_1 v_{k−1} ⊕ a_2 v_{k−2} ⊕ … ⊕ a_{s−1} v_{k−s+1} ⊕ v_{k−s} ⊕ (v_{k−s} >> s), a_i the inner coefficients.
        for (var k = s; k < Bits; k++)
        {
            var value = v[k - s] ^ (v[k - s] >> s);
            for (var i = 1; i < s; i++)
            {
                if (((polynomial >> (s - i)) & 1) != 0)
                {
                    value ^= v[k - i];
                }
            }

            v[k] = value;
        }

        return v;
    }
}
