using SocItConsole.Shared.Audit;
using SocItConsole.Shared.Keys;

namespace SocItConsole.Admin.Tests.Shared.Keys;

public class KeyReturnRulesTests
{
    private const int Lisa = 41;
    private const int Per = 42;
    private const string FixIt = " Inget sparades. Rätta nyckelregistret under Nycklar, eller markera punkten ej aktuell med en anteckning.";
    private static readonly Actor Operator = new("op-1", "Sara Nilsson");
    private static readonly DateTimeOffset T0 = new(2026, 11, 2, 8, 0, 0, TimeSpan.Zero);
    private static readonly KeyNumber Named = KeyNumber.Parse("4110003");
    private static readonly KeyNumber Other = KeyNumber.Parse("4110005");
    private static readonly IFormatProvider Iso = System.Globalization.CultureInfo.InvariantCulture;

    public enum Register
    {
        HeldByThePerson,
        ToBeReturnedByThePerson,
        HeldBySomeoneElse,
        Returned,
        InStock,
        Lost,
        Retired,
        Missing,
    }

    [Theory]
    [InlineData("2026-12-01", "2026-12-15", false)] // the 14th day after the due day
    [InlineData("2026-12-01", "2026-12-16", true)] // the 15th
    [InlineData("2026-12-01", "2026-12-01", false)]
    public void AKeyIsOverdue_OnlyMoreThan14DaysAfterItsDueDay(string dueOn, string today, bool overdue)
    {
        var cutoff = KeyReturnRules.OverdueIfDueBefore(DateOnly.Parse(today, Iso), KeyReturnRules.DefaultOverdueAfterDays);

        Assert.Equal(overdue, DateOnly.Parse(dueOn, Iso) < cutoff);
    }

    [Theory]
    [InlineData(Register.HeldByThePerson, null)]
    [InlineData(Register.ToBeReturnedByThePerson, null)]
    [InlineData(Register.HeldBySomeoneElse, "Nyckeln 4110003 är enligt nyckelregistret utlämnad till någon annan än Lisa Andersson." + FixIt)]
    [InlineData(Register.Returned, "Nyckeln 4110003 är redan återlämnad enligt nyckelregistret." + FixIt)]
    [InlineData(Register.InStock, "Nyckeln 4110003 har status \"I lager\" i nyckelregistret och kan inte återlämnas." + FixIt)]
    [InlineData(Register.Lost, "Nyckeln 4110003 har status \"Förlorad\" i nyckelregistret och kan inte återlämnas." + FixIt)]
    [InlineData(Register.Retired, "Nyckeln 4110003 har status \"Kasserad\" i nyckelregistret och kan inte återlämnas." + FixIt)]
    [InlineData(Register.Missing, "Nyckeln 4110003 finns inte i nyckelregistret." + FixIt)]
    public void ReturnRefusal_SaysHowTheRegisterDisagrees(Register state, string? expected)
    {
        var key = KeyIn(state);
        var held = key?.HolderEmployeeId == Lisa ? new[] { Named } : [];

        Assert.Equal(expected, KeyReturnRules.ReturnRefusal(Named, key, Lisa, "Lisa Andersson", held));
    }

    [Fact]
    public void ReturnRefusal_NamesTheKeyThePersonHolds_WhenTheItemNamesAnother()
    {
        Assert.Equal(
            "Nyckeln 4110003 är enligt nyckelregistret utlämnad till någon annan än Lisa Andersson. Enligt registret har "
                + "Lisa Andersson nyckeln 4110005, inte 4110003." + FixIt,
            KeyReturnRules.ReturnRefusal(Named, KeyIn(Register.HeldBySomeoneElse), Lisa, "Lisa Andersson", [Other]));
    }

    [Theory]
    [InlineData(Register.HeldByThePerson, null)]
    [InlineData(Register.ToBeReturnedByThePerson, null)]
    [InlineData(Register.Returned, "Nyckeln 4110003 har status \"Återlämnad\" i nyckelregistret, så återlämningen kan inte ångras här. Var den fel: lämna ut nyckeln till Lisa Andersson igen under Nycklar och ändra sedan punkten. Inget sparades.")]
    [InlineData(Register.HeldBySomeoneElse, "Nyckeln 4110003 har status \"Utlämnad\" i nyckelregistret, så återlämningen kan inte ångras här. Var den fel: lämna ut nyckeln till Lisa Andersson igen under Nycklar och ändra sedan punkten. Inget sparades.")]
    [InlineData(Register.Missing, "Nyckeln 4110003 finns inte i nyckelregistret, så återlämningen kan inte ångras här. Var den fel: lämna ut nyckeln till Lisa Andersson igen under Nycklar och ändra sedan punkten. Inget sparades.")]
    public void UndoRefusal_AllowsUndoingOnlyWhenThePersonHoldsTheKeyAgain(Register state, string? expected) =>
        Assert.Equal(expected, KeyReturnRules.UndoRefusal(Named, KeyIn(state), Lisa, "Lisa Andersson"));

    private static Key? KeyIn(Register state)
    {
        if (state == Register.Missing)
        {
            return null;
        }

        var key = Key.Register(Named, 3, KeyKind.Personal, null, Operator, T0);
        switch (state)
        {
            case Register.HeldByThePerson:
                key.AssignTo(Lisa, Operator, T0);
                break;
            case Register.ToBeReturnedByThePerson:
                key.AssignTo(Lisa, Operator, T0);
                key.MarkToBeReturned(Operator, T0, new DateOnly(2026, 11, 30));
                break;
            case Register.HeldBySomeoneElse:
                key.AssignTo(Per, Operator, T0);
                break;
            case Register.Returned:
                key.AssignTo(Lisa, Operator, T0);
                key.Return(Operator, T0);
                break;
            case Register.Lost:
                key.MarkLost(Operator, T0, "Borta.");
                break;
            case Register.Retired:
                key.Retire(Operator, T0, "Trasig.");
                break;
        }

        return key;
    }
}
