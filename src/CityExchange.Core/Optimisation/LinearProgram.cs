namespace CityExchange.Core.Optimisation;

public enum ConstraintRelation
{
    LessOrEqual,
    Equal,
    GreaterOrEqual,
}

public enum ObjectiveSense
{
    Minimise,
    Maximise,
}

public enum LinearProgramStatus
{
    Optimal,
    Infeasible,
    Unbounded,
}

/// <summary>One linear constraint: Σ_j a_j·x_j (relation) bound.</summary>
public sealed record LinearConstraint(IReadOnlyList<double> Coefficients, ConstraintRelation Relation, double Bound);

/// <summary>
/// Optimise cᵀx subject to linear constraints, every variable ≥ 0 except those listed in <see cref="Free"/>.
/// </summary>
public sealed record LinearProgram(IReadOnlyList<double> Objective, IReadOnlyList<LinearConstraint> Constraints)
{
    public ObjectiveSense Sense { get; init; } = ObjectiveSense.Minimise;

    /// <summary>Indices of variables without a sign restriction.</summary>
    public IReadOnlyCollection<int> Free { get; init; } = [];
}

/// <summary>The outcome: an optimal point and its objective value, or why there is none (then Values is empty and Objective NaN).</summary>
public sealed record LinearProgramSolution(LinearProgramStatus Status, double[] Values, double Objective, int Pivots);
