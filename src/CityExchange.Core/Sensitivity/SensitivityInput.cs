namespace CityExchange.Core.Sensitivity;

public enum InputKind
{
    /// <summary>Uniform on [0, 1); the model maps it to its own range.</summary>
    Continuous,

    /// <summary>One of <see cref="SensitivityInput.Alternatives"/> equally likely alternatives, given to the model as its index 0…m−1.</summary>
    Discrete,
}

/// <summary>One uncertain input of a model: its name and whether it is continuous or a choice among alternatives.</summary>
public sealed record SensitivityInput
{
    private SensitivityInput(string name, InputKind kind, int alternatives)
    {
        Name = name;
        Kind = kind;
        Alternatives = alternatives;
    }

    public string Name { get; }

    public InputKind Kind { get; }

    /// <summary>The number of alternatives m of a discrete input; 0 for a continuous one.</summary>
    public int Alternatives { get; }

    public static SensitivityInput Continuous(string name) => new(name, InputKind.Continuous, 0);

    public static SensitivityInput Discrete(string name, int alternatives)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(alternatives, 1);
        return new(name, InputKind.Discrete, alternatives);
    }

    /// <summary>The value the model sees for a uniform draw u ∈ [0, 1): u itself, or the alternative ⌊u·m⌋.</summary>
    public double Map(double u) => Kind == InputKind.Discrete ? Math.Min((int)(u * Alternatives), Alternatives - 1) : u;
}
