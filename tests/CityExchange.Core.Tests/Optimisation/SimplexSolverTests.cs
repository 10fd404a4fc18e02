using CityExchange.Core.Optimisation;
using CsCheck;

namespace CityExchange.Core.Tests.Optimisation;

/// <summary>Textbook linear programs with known optima (checked with scipy's HiGHS), infeasible, unbounded and cycling cases.</summary>
public sealed class SimplexSolverTests
{
    private const ConstraintRelation Le = ConstraintRelation.LessOrEqual;
    private const ConstraintRelation Ge = ConstraintRelation.GreaterOrEqual;
    private const ConstraintRelation Eq = ConstraintRelation.Equal;

    [Fact]
    public void Wyndor_Maximise()
    {
        // Hillier & Lieberman's Wyndor Glass: max 3x1 + 5x2, x1 ≤ 4, 2x2 ≤ 12, 3x1 + 2x2 ≤ 18 → (2, 6), 36.
        var solution = SimplexSolver.Solve(new LinearProgram([3, 5], [C([1, 0], Le, 4), C([0, 2], Le, 12), C([3, 2], Le, 18)]) { Sense = ObjectiveSense.Maximise });

        Assert.Equal(LinearProgramStatus.Optimal, solution.Status);
        Assert.Equal(36, solution.Objective, 1e-9);
        Assert.Equal([2, 6], solution.Values.Select(v => Math.Round(v, 9)));
    }

    [Fact]
    public void GreaterOrEqualConstraints_NeedPhaseOne()
    {
        // min 2x1 + 3x2, x1 + x2 ≥ 4, x1 + 3x2 ≥ 6 → (3, 1), 9; the origin is not feasible.
        var solution = SimplexSolver.Solve(new LinearProgram([2, 3], [C([1, 1], Ge, 4), C([1, 3], Ge, 6)]));

        Assert.Equal(LinearProgramStatus.Optimal, solution.Status);
        Assert.Equal(9, solution.Objective, 1e-9);
        Assert.Equal(3, solution.Values[0], 1e-9);
        Assert.Equal(1, solution.Values[1], 1e-9);
    }

    [Fact]
    public void NegativeBounds_AreFlipped()
    {
        // The same program written as −x1 − x2 ≤ −4, −x1 − 3x2 ≤ −6.
        var solution = SimplexSolver.Solve(new LinearProgram([2, 3], [C([-1, -1], Le, -4), C([-1, -3], Le, -6)]));

        Assert.Equal(9, solution.Objective, 1e-9);
    }

    [Fact]
    public void FreeVariable_CanGoNegative()
    {
        // min x subject to x ≥ −7 and x + y ≤ 3, x free, y ≥ 0 → x = −7.
        var solution = SimplexSolver.Solve(new LinearProgram([1, 0], [C([1, 0], Ge, -7), C([1, 1], Le, 3)]) { Free = [0] });

        Assert.Equal(LinearProgramStatus.Optimal, solution.Status);
        Assert.Equal(-7, solution.Values[0], 1e-9);
        Assert.Equal(-7, solution.Objective, 1e-9);
    }

    [Fact]
    public void Equalities_WithARedundantOne()
    {
        // x + y = 2 and 2x + 2y = 4 (the same line): min x − y → (0, 2), −2. Phase 1 leaves an artificial at zero.
        var solution = SimplexSolver.Solve(new LinearProgram([1, -1], [C([1, 1], Eq, 2), C([2, 2], Eq, 4)]));

        Assert.Equal(LinearProgramStatus.Optimal, solution.Status);
        Assert.Equal(-2, solution.Objective, 1e-9);
        Assert.Equal([0, 2], solution.Values.Select(v => Math.Round(v, 9)));
    }

    [Fact]
    public void Infeasible()
    {
        var solution = SimplexSolver.Solve(new LinearProgram([1, 1], [C([1, 1], Le, 1), C([1, 1], Ge, 2)]));

        Assert.Equal(LinearProgramStatus.Infeasible, solution.Status);
        Assert.Empty(solution.Values);
        Assert.True(double.IsNaN(solution.Objective));
    }

    [Fact]
    public void Unbounded()
    {
        var solution = SimplexSolver.Solve(new LinearProgram([1, 1], [C([1, -1], Le, 1)]) { Sense = ObjectiveSense.Maximise });

        Assert.Equal(LinearProgramStatus.Unbounded, solution.Status);
    }

    [Fact]
    public void Beale1955_CyclesUnderDantzigsRule_NotUnderBlands()
    {
        // min −3/4·x1 + 150x2 − 1/50·x3 + 6x4, 1/4·x1 − 60x2 − 1/25·x3 + 9x4 ≤ 0, 1/2·x1 − 90x2 − 1/50·x3 + 3x4 ≤ 0,
        // x3 ≤ 1 → −1/20 at (1/25, 0, 1, 0).
        var solution = SimplexSolver.Solve(new LinearProgram([-0.75, 150, -0.02, 6],
            [C([0.25, -60, -0.04, 9], Le, 0), C([0.5, -90, -0.02, 3], Le, 0), C([0, 0, 1, 0], Le, 1)]));

        Assert.Equal(LinearProgramStatus.Optimal, solution.Status);
        Assert.Equal(-0.05, solution.Objective, 1e-12);
        Assert.Equal([0.04, 0, 1, 0], solution.Values.Select(v => Math.Round(v, 12)));
    }

    [Fact]
    public void Chvatal_CyclingExample()
    {
        // Chvátal (1983), p. 31: max 10x1 − 57x2 − 9x3 − 24x4, 0.5x1 − 5.5x2 − 2.5x3 + 9x4 ≤ 0, 0.5x1 − 1.5x2 − 0.5x3 + x4 ≤ 0, x1 ≤ 1 → 1 at (1, 0, 1, 0).
        var solution = SimplexSolver.Solve(new LinearProgram([10, -57, -9, -24],
            [C([0.5, -5.5, -2.5, 9], Le, 0), C([0.5, -1.5, -0.5, 1], Le, 0), C([1, 0, 0, 0], Le, 1)]) { Sense = ObjectiveSense.Maximise });

        Assert.Equal(1, solution.Objective, 1e-12);
        Assert.Equal([1, 0, 1, 0], solution.Values.Select(v => Math.Round(v, 12)));
    }

    [Fact]
    public void KleeMinty3()
    {
        // max 100x1 + 10x2 + x3, x1 ≤ 1, 20x1 + x2 ≤ 100, 200x1 + 20x2 + x3 ≤ 10000 → 10000 at (0, 0, 10000).
        var solution = SimplexSolver.Solve(new LinearProgram([100, 10, 1],
            [C([1, 0, 0], Le, 1), C([20, 1, 0], Le, 100), C([200, 20, 1], Le, 10000)]) { Sense = ObjectiveSense.Maximise });

        Assert.Equal(10000, solution.Objective, 1e-7);
        Assert.Equal(10000, solution.Values[2], 1e-7);
    }

    [Fact]
    public void MismatchedCoefficients_AreRejected()
    {
        Assert.Throws<ArgumentException>(() => SimplexSolver.Solve(new LinearProgram([1, 1], [C([1], Le, 1)])));
        Assert.Throws<ArgumentException>(() => SimplexSolver.Solve(new LinearProgram([1, double.NaN], [C([1, 1], Le, 1)])));
    }

    [Fact]
    public void RandomPrograms_PrimalAndDualAgree()
    {
        // max cᵀx, Ax ≤ b, x ≥ 0 (b ≥ 0: feasible) and its dual min bᵀy, Aᵀy ≥ c, y ≥ 0: when one is optimal so is
        // the other with the same value (strong duality); when the primal is unbounded the dual is infeasible.
        Gen.Int[1, 6].SelectMany(m => Gen.Int[1, 6].Select(n => (m, n)))
            .SelectMany(size => Gen.Select(
                Gen.Int[-5, 5].Array[size.m * size.n], Gen.Int[0, 9].Array[size.m], Gen.Int[-5, 5].Array[size.n],
                (a, b, c) => (size.m, size.n, a, b, c)))
            .Sample(t =>
            {
                var (m, n, a, b, c) = t;
                var primal = new LinearProgram([.. c.Select(v => (double)v)],
                    [.. Enumerable.Range(0, m).Select(i => C([.. Enumerable.Range(0, n).Select(j => (double)a[(i * n) + j])], Le, b[i]))])
                { Sense = ObjectiveSense.Maximise };
                var dual = new LinearProgram([.. b.Select(v => (double)v)],
                    [.. Enumerable.Range(0, n).Select(j => C([.. Enumerable.Range(0, m).Select(i => (double)a[(i * n) + j])], Ge, c[j]))]);

                var p = SimplexSolver.Solve(primal);
                var d = SimplexSolver.Solve(dual);

                Assert.NotEqual(LinearProgramStatus.Infeasible, p.Status);
                if (p.Status == LinearProgramStatus.Unbounded)
                {
                    Assert.Equal(LinearProgramStatus.Infeasible, d.Status);
                    return;
                }

                Assert.Equal(LinearProgramStatus.Optimal, d.Status);
                Assert.Equal(p.Objective, d.Objective, 1e-7);
                for (var i = 0; i < m; i++)
                {
                    Assert.True(Enumerable.Range(0, n).Sum(j => a[(i * n) + j] * p.Values[j]) <= b[i] + 1e-7);
                }

                Assert.All(p.Values, v => Assert.True(v >= 0));
            }, iter: 2000);
    }

    private static LinearConstraint C(double[] coefficients, ConstraintRelation relation, double bound) => new(coefficients, relation, bound);
}
