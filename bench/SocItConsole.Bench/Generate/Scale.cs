namespace SocItConsole.Bench.Generate;

/// <summary>
/// How large a generated organisation is. <see cref="Grants"/> includes <see cref="ExpiredTemporaryGrants"/>: temporary
/// grants whose last day lies 1–120 days before the generation day and that no order has ended, the nightly expiry
/// job's work. <see cref="OpenOrders"/> is the approximate size of the operators' queue. <see cref="FullMatrix"/> fills
/// every title × system cell (the matrix-editor benchmark); otherwise a title's row holds the systems its kind of
/// work needs.
/// </summary>
internal sealed record Scale(
    string Name,
    int Employees,
    int Units,
    int Titles,
    int Systems,
    int Orders,
    int Grants,
    int ExpiredTemporaryGrants,
    int Keys,
    int OpenOrders,
    bool FullMatrix = false)
{
    /// <summary>The migrations seed the ten systems the routine names; more are synthetic.</summary>
    public const int SeededSystems = 10;

    public static readonly Scale Tiny = new("tiny", Employees: 40, Units: 4, Titles: 6, Systems: 10,
        Orders: 120, Grants: 300, ExpiredTemporaryGrants: 30, Keys: 20, OpenOrders: 8);

    /// <summary>
    /// <c>run.sh --quick</c>: every benchmark over one small organisation (its matrix full, 20 × 12), so that the whole
    /// run takes about a minute. Figures at this scale show that a benchmark works, not how fast the app is.
    /// </summary>
    public static readonly Scale Quick = new("quick", Employees: 300, Units: 8, Titles: 20, Systems: 12,
        Orders: 1_200, Grants: 3_000, ExpiredTemporaryGrants: 150, Keys: 60, OpenOrders: 20, FullMatrix: true);

    public static readonly Scale Municipal = new("municipal", Employees: 2_000, Units: 60, Titles: 40, Systems: 14,
        Orders: 50_000, Grants: 150_000, ExpiredTemporaryGrants: 2_500, Keys: 3_000, OpenOrders: 300);

    public static readonly Scale Regional = new("regional", Employees: 40_000, Units: 400, Titles: 150, Systems: 30,
        Orders: 100_000, Grants: 1_000_000, ExpiredTemporaryGrants: 50_000, Keys: 20_000, OpenOrders: 1_500);

    public static readonly Scale Matrix = new("matrix", Employees: 60, Units: 6, Titles: 200, Systems: 30,
        Orders: 150, Grants: 400, ExpiredTemporaryGrants: 20, Keys: 30, OpenOrders: 8, FullMatrix: true);

    public static IReadOnlyList<Scale> All { get; } = [Tiny, Quick, Municipal, Regional, Matrix];

    public static Scale Named(string name) =>
        All.FirstOrDefault(s => string.Equals(s.Name, name?.Trim(), StringComparison.OrdinalIgnoreCase))
        ?? throw new ArgumentException(
            $"unknown scale '{name}'; use one of {string.Join(", ", All.Select(s => s.Name))}", nameof(name));

    /// <summary>The figures the generator's model needs; a custom scale that breaks one fails before any work.</summary>
    public void Validate()
    {
        Require(Employees >= 1, "at least one employee");
        Require(Units >= 2, "at least two units (temporary access goes to another unit)");
        Require(Titles >= 1, "at least one job title");
        Require(Systems >= SeededSystems, $"at least the {SeededSystems} seeded systems");
        Require(Orders >= Employees, "at least one order per employee (every employee came in through an order)");
        Require(ExpiredTemporaryGrants >= 0 && ExpiredTemporaryGrants <= Grants, "expired temporary grants within the grants");
        Require(Keys >= 0 && OpenOrders >= 0, "no negative counts");
    }

    private void Require(bool condition, string what)
    {
        if (!condition)
        {
            throw new ArgumentException($"scale '{Name}' needs {what}");
        }
    }
}
