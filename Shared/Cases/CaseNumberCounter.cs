namespace SocItConsole.Shared.Cases;

/// <summary>The per-year counter behind <see cref="CaseNumber"/>.</summary>
public sealed class CaseNumberCounter
{
    private CaseNumberCounter()
    {
    }

    public CaseNumberCounter(int year) => Year = year;

    public int Year { get; private set; }

    public int LastNumber { get; private set; }

    public CaseNumber Next()
    {
        LastNumber++;
        return new CaseNumber(Year, LastNumber);
    }
}
