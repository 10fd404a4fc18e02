namespace CityExchange.Core.Optimisation;

/// <summary>
/// A dense two-phase simplex method for small linear programs (tens of variables and constraints). No maintained,
/// purely managed LP solver is on NuGet (Google OR-Tools and Z3 bring native libraries), and the problems here are
/// tiny, so a textbook tableau suffices: phase 1 minimises the sum of artificial variables to find a feasible basis
/// (artificials left basic at zero are pivoted out, or their rows dropped as redundant), phase 2 optimises the
/// objective. Bland's rule (lowest-index entering column, ties in the ratio test to the lowest-index basic variable)
/// makes cycling impossible on degenerate problems. Each constraint row is scaled to a largest coefficient of 1, and
/// values within <see cref="Tolerance"/> of zero are taken as zero.
/// </summary>
public static class SimplexSolver
{
    public const double Tolerance = 1e-9;

    public static LinearProgramSolution Solve(LinearProgram program, int maxPivots = 100_000)
    {
        var n = program.Objective.Count;
        if (program.Constraints.Any(c => c.Coefficients.Count != n) || program.Free.Any(j => j < 0 || j >= n))
        {
            throw new ArgumentException("Every constraint needs one coefficient per variable, and free variables must exist.", nameof(program));
        }

        if (program.Objective.Concat(program.Constraints.SelectMany(c => c.Coefficients.Append(c.Bound))).Any(v => !double.IsFinite(v)))
        {
            throw new ArgumentException("Coefficients and bounds must be finite.", nameof(program));
        }

        var tableau = new Tableau(program);
        var pivots = 0;

        // Phase 1: minimise the sum of the artificial variables.
        if (tableau.Artificials > 0)
        {
            tableau.SetPhaseOneObjective();
            if (!tableau.Optimise(ref pivots, maxPivots))
            {
                throw new InvalidOperationException("Phase 1 cannot be unbounded.");
            }

            if (tableau.ObjectiveValue > Tolerance * Math.Max(1, tableau.Scale))
            {
                return new LinearProgramSolution(LinearProgramStatus.Infeasible, [], double.NaN, pivots);
            }

            tableau.RemoveArtificials(ref pivots);
        }

        // Phase 2.
        tableau.SetObjective(program);
        if (!tableau.Optimise(ref pivots, maxPivots))
        {
            return new LinearProgramSolution(LinearProgramStatus.Unbounded, [], double.NaN, pivots);
        }

        var x = tableau.Solution(program);
        var objective = 0.0;
        for (var j = 0; j < n; j++)
        {
            objective += program.Objective[j] * x[j];
        }

        return new LinearProgramSolution(LinearProgramStatus.Optimal, x, objective, pivots);
    }

    /// <summary>
    /// Rows 0…m−1 hold B⁻¹A | B⁻¹b; the last row holds the reduced costs | −(objective value). Columns: the structural
    /// variables (a free variable as x⁺ and x⁻), one slack or surplus per inequality, one artificial per ≥ or = row.
    /// </summary>
    private sealed class Tableau
    {
        private readonly int _structural;
        private readonly int _firstArtificial;
        private readonly int[] _positive;
        private readonly int[] _negative;
        private readonly bool[] _banned;
        private double[][] _rows;
        private int[] _basis;
        private readonly double[] _cost;
        private readonly int _columns;

        public Tableau(LinearProgram program)
        {
            var n = program.Objective.Count;
            var free = new HashSet<int>(program.Free);
            _positive = new int[n];
            _negative = new int[n];
            var column = 0;
            for (var j = 0; j < n; j++)
            {
                _positive[j] = column++;
                _negative[j] = free.Contains(j) ? column++ : -1;
            }

            _structural = column;
            var constraints = program.Constraints;
            var m = constraints.Count;
            var relations = new ConstraintRelation[m];
            var slacks = 0;
            for (var i = 0; i < m; i++)
            {
                var relation = constraints[i].Relation;
                // A negative bound is made positive by negating the row, which flips an inequality.
                if (constraints[i].Bound < 0)
                {
                    relation = relation switch
                    {
                        ConstraintRelation.LessOrEqual => ConstraintRelation.GreaterOrEqual,
                        ConstraintRelation.GreaterOrEqual => ConstraintRelation.LessOrEqual,
                        _ => relation,
                    };
                }

                relations[i] = relation;
                slacks += relation == ConstraintRelation.Equal ? 0 : 1;
            }

            _firstArtificial = _structural + slacks;
            Artificials = relations.Count(r => r != ConstraintRelation.LessOrEqual);
            _columns = _firstArtificial + Artificials;
            _rows = new double[m + 1][];
            _basis = new int[m];
            _banned = new bool[_columns];
            _cost = new double[_columns];
            var slack = _structural;
            var artificial = _firstArtificial;
            for (var i = 0; i < m; i++)
            {
                var row = new double[_columns + 1];
                var sign = constraints[i].Bound < 0 ? -1.0 : 1.0;
                for (var j = 0; j < n; j++)
                {
                    var a = sign * constraints[i].Coefficients[j];
                    row[_positive[j]] = a;
                    if (_negative[j] >= 0)
                    {
                        row[_negative[j]] = -a;
                    }
                }

                row[_columns] = sign * constraints[i].Bound;
                var largest = 0.0;
                for (var j = 0; j < _structural; j++)
                {
                    largest = Math.Max(largest, Math.Abs(row[j]));
                }

                if (largest > 0)
                {
                    for (var j = 0; j <= _columns; j++)
                    {
                        row[j] /= largest;
                    }
                }

                switch (relations[i])
                {
                    case ConstraintRelation.LessOrEqual:
                        row[slack] = 1;
                        _basis[i] = slack++;
                        break;
                    case ConstraintRelation.GreaterOrEqual:
                        row[slack++] = -1;
                        row[artificial] = 1;
                        _basis[i] = artificial++;
                        break;
                    default:
                        row[artificial] = 1;
                        _basis[i] = artificial++;
                        break;
                }

                _rows[i] = row;
                Scale = Math.Max(Scale, Math.Abs(row[_columns]));
            }

            _rows[m] = new double[_columns + 1];
        }

        public int Artificials { get; }

        /// <summary>The largest right-hand side after scaling, for the feasibility tolerance.</summary>
        public double Scale { get; }

        public double ObjectiveValue => -_rows[^1][_columns];

        private int RowCount => _rows.Length - 1;

        public void SetPhaseOneObjective()
        {
            Array.Clear(_cost);
            for (var j = _firstArtificial; j < _columns; j++)
            {
                _cost[j] = 1;
            }

            PriceOut();
        }

        public void SetObjective(LinearProgram program)
        {
            Array.Clear(_cost);
            var sign = program.Sense == ObjectiveSense.Maximise ? -1.0 : 1.0;
            for (var j = 0; j < program.Objective.Count; j++)
            {
                _cost[_positive[j]] = sign * program.Objective[j];
                if (_negative[j] >= 0)
                {
                    _cost[_negative[j]] = -sign * program.Objective[j];
                }
            }

            for (var j = _firstArtificial; j < _columns; j++)
            {
                _banned[j] = true;
            }

            PriceOut();
        }

        /// <summary>Runs simplex pivots to optimality; false when the objective is unbounded below.</summary>
        public bool Optimise(ref int pivots, int maxPivots)
        {
            var objective = _rows[^1];
            while (true)
            {
                var entering = -1;
                for (var j = 0; j < _columns; j++)
                {
                    if (!_banned[j] && objective[j] < -Tolerance)
                    {
                        entering = j;
                        break;
                    }
                }

                if (entering < 0)
                {
                    return true;
                }

                var leaving = -1;
                var best = double.PositiveInfinity;
                for (var i = 0; i < RowCount; i++)
                {
                    var a = _rows[i][entering];
                    if (a > Tolerance)
                    {
                        var ratio = _rows[i][_columns] / a;
                        if (ratio < best - Tolerance || (Math.Abs(ratio - best) <= Tolerance && _basis[i] < _basis[leaving]))
                        {
                            best = ratio;
                            leaving = i;
                        }
                    }
                }

                if (leaving < 0)
                {
                    return false;
                }

                if (++pivots > maxPivots)
                {
                    throw new InvalidOperationException($"The simplex method did not finish within {maxPivots} pivots.");
                }

                Pivot(leaving, entering);
            }
        }

        /// <summary>After phase 1: pivots basic artificials (at zero) out, or drops their rows when the constraint is redundant.</summary>
        public void RemoveArtificials(ref int pivots)
        {
            var keep = new List<int>();
            for (var i = 0; i < RowCount; i++)
            {
                if (_basis[i] < _firstArtificial)
                {
                    keep.Add(i);
                    continue;
                }

                var column = -1;
                var largest = Tolerance;
                for (var j = 0; j < _firstArtificial; j++)
                {
                    if (Math.Abs(_rows[i][j]) > largest)
                    {
                        largest = Math.Abs(_rows[i][j]);
                        column = j;
                    }
                }

                if (column >= 0)
                {
                    Pivot(i, column);
                    pivots++;
                    keep.Add(i);
                }
            }

            if (keep.Count < RowCount)
            {
                _rows = [.. keep.Select(i => _rows[i]), _rows[^1]];
                _basis = [.. keep.Select(i => _basis[i])];
            }
        }

        public double[] Solution(LinearProgram program)
        {
            var values = new double[_columns];
            for (var i = 0; i < RowCount; i++)
            {
                values[_basis[i]] = Math.Max(0, _rows[i][_columns]);
            }

            var x = new double[program.Objective.Count];
            for (var j = 0; j < x.Length; j++)
            {
                x[j] = values[_positive[j]] - (_negative[j] >= 0 ? values[_negative[j]] : 0);
            }

            return x;
        }

        /// <summary>Reduced costs of the current basis: c_j − Σ_i c_B(i)·T[i][j], and −c_Bᵀ·B⁻¹b in the last column.</summary>
        private void PriceOut()
        {
            var objective = _rows[^1];
            Array.Copy(_cost, objective, _columns);
            objective[_columns] = 0;
            for (var i = 0; i < RowCount; i++)
            {
                var c = _cost[_basis[i]];
                if (c != 0)
                {
                    var row = _rows[i];
                    for (var j = 0; j <= _columns; j++)
                    {
                        objective[j] -= c * row[j];
                    }
                }
            }
        }

        private void Pivot(int pivotRow, int pivotColumn)
        {
            var row = _rows[pivotRow];
            var pivot = row[pivotColumn];
            for (var j = 0; j <= _columns; j++)
            {
                row[j] /= pivot;
            }

            row[pivotColumn] = 1;
            for (var i = 0; i < _rows.Length; i++)
            {
                if (i == pivotRow)
                {
                    continue;
                }

                var other = _rows[i];
                var factor = other[pivotColumn];
                if (factor == 0)
                {
                    continue;
                }

                for (var j = 0; j <= _columns; j++)
                {
                    other[j] -= factor * row[j];
                }

                other[pivotColumn] = 0;
                // A right-hand side pushed a rounding error below zero is zero (the basis stays feasible).
                if (i < RowCount && other[_columns] < 0 && other[_columns] > -Tolerance)
                {
                    other[_columns] = 0;
                }
            }

            _basis[pivotRow] = pivotColumn;
        }
    }
}
