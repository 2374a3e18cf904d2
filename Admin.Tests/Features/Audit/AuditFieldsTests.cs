using SocItConsole.Admin.Features.Audit;

namespace SocItConsole.Admin.Tests.Features.Audit;

public class AuditFieldsTests
{
    private static IReadOnlyList<AuditField> Compare(string entityType, string? before, string? after, AuditNames? names = null) =>
        AuditFields.Compare(entityType, before, after, names ?? AuditNames.None);

    [Fact]
    public void ACaseMoved_ReadsInSwedish_StatusAndChecklistIncluded()
    {
        var fields = Compare(
            "Order",
            """{"Status":"Received","AssignedToName":null,"Checklist":[{"Label":"Lifecare","State":"Todo","Note":null},{"Label":"Appva","State":"Todo","Note":null}],"Comments":0}""",
            """{"Status":"InProgress","AssignedToName":"Sara Nilsson","Checklist":[{"Label":"Lifecare","State":"Done","Note":null},{"Label":"Appva","State":"NotApplicable","Note":"Ingen Appva i enheten"}],"Comments":1}""");

        Assert.Equal(
            [
                new AuditField("Status", "Mottagen", "Under arbete", Changed: true),
                new AuditField("Handläggare", "–", "Sara Nilsson", Changed: true),
                new AuditField(
                    "Checklista",
                    "Lifecare: Att göra\nAppva: Att göra",
                    "Lifecare: Klar\nAppva: Ej aktuell (Ingen Appva i enheten)",
                    Changed: true),
                new AuditField("Kommentarer", "0", "1", Changed: true),
            ],
            fields);
    }

    [Theory]
    [InlineData("Order", "Status", "WaitingForOrderer", "Väntar på beställare")]
    [InlineData("Order", "Type", "EndTemporary", "Avsluta enskild behörighet")]
    [InlineData("Order", "Channel", "SecureMessage", "Säkert meddelande")]
    [InlineData("Order", "Key", "BuyNewKey", "Köp ny nyckel")]
    [InlineData("Key", "Status", "ToBeReturned", "Ska återlämnas")]
    [InlineData("Key", "Kind", "Pool", "Poolnyckel")]
    [InlineData("FollowUp", "Status", "Open", "Väntar på beslut")]
    [InlineData("ReviewRound", "Status", "Open", "Pågår")]
    [InlineData("ReviewLine", "Answer", "Remove", "Tas bort")]
    [InlineData("ReviewMessage", "Kind", "Invitation", "Inbjudan")]
    [InlineData("Employee", "Reason", "NotWorking", "Fungerar inte")]
    [InlineData("Unit", "Kind", "FromOtherUnits", "Från andra verksamheter")]
    public void EnumValues_ReadAsTheConsoleWritesThemElsewhere(string entityType, string field, string stored, string shown)
    {
        var fields = Compare(entityType, null, $$"""{"{{field}}":"{{stored}}"}""");

        Assert.Equal(shown, Assert.Single(fields).After);
    }

    [Fact]
    public void AKeyNumberInTheKeyField_StaysANumber()
    {
        var fields = Compare("KeyPool", null, """{"Key":"1234567"}""");

        Assert.Equal(new AuditField("Nyckel", null, "1234567", Changed: false), Assert.Single(fields));
    }

    [Fact]
    public void UnknownFields_ShowTheirStoredName_RatherThanDisappear()
    {
        var fields = Compare("Order", """{"Status":"Received","NewThing":"x"}""", """{"Status":"Received","NewThing":"y","Extra":true}""");

        Assert.Equal(
            [
                new AuditField("Status", "Mottagen", "Mottagen", Changed: false),
                new AuditField("NewThing", "x", "y", Changed: true),
                new AuditField("Extra", null, "Ja", Changed: true),
            ],
            fields);
    }

    [Fact]
    public void IdsOfOtherRecords_ShowTheirNames_AndStayNumbersWhenUnknown()
    {
        var names = new AuditNames(new Dictionary<(AuditReferenceKind, int), string>
        {
            [(AuditReferenceKind.Employee, 12)] = "Anna Andersson",
            [(AuditReferenceKind.Unit, 3)] = "Hemtjänst Centrum",
            [(AuditReferenceKind.KeyPool, 5)] = "Personalpool",
        });

        var fields = Compare(
            "Key",
            """{"Status":"InStock","HolderEmployeeId":null,"PoolId":5,"UnitId":3}""",
            """{"Status":"Issued","HolderEmployeeId":12,"PoolId":null,"UnitId":4}""",
            names);

        Assert.Equal(
            [
                new AuditField("Status", "I lager", "Utlämnad", Changed: true),
                new AuditField("Innehavare", "–", "Anna Andersson", Changed: true),
                new AuditField("Nyckelpool", "Personalpool", "–", Changed: true),
                new AuditField("Verksamhet", "Hemtjänst Centrum", "4", Changed: true),
            ],
            fields);
        Assert.Equal(
            [(AuditReferenceKind.Employee, 12), (AuditReferenceKind.Unit, 3), (AuditReferenceKind.Unit, 4), (AuditReferenceKind.KeyPool, 5)],
            AuditFields.ReferencesIn("""{"HolderEmployeeId":null,"PoolId":5,"UnitId":3}""", """{"HolderEmployeeId":12,"UnitId":4}""")
                .Order());
    }

    [Fact]
    public void BooleansDatesInstantsListsAndPrices_ReadInSwedish()
    {
        var fields = Compare(
            "Key",
            null,
            """{"IsActive":false,"StartDate":"2026-12-01","At":"2026-11-27T09:00:00+00:00","Levels":["Läs","Skriv"],"Price":450.5,"Units":[]}""");

        Assert.Equal(
            ["Nej", "2026-12-01", "2026-11-27 10:00", "Läs, Skriv", "450,50 kr", "–"],
            fields.Select(f => f.After));
    }

    [Fact]
    public void TheMatrixCells_AreOneRow_WithALinePerCell()
    {
        var fields = Compare(
            "Matrix",
            """[{"Title":"Undersköterska","System":"Lifecare","Level":"Läs"}]""",
            """[{"Title":"Undersköterska","System":"Lifecare","Level":"Utförare"},{"Title":"Sjuksköterska","System":"Appva","Level":"Standard"}]""");

        Assert.Equal(
            new AuditField(
                "Ändrade celler",
                "Undersköterska, Lifecare: Läs",
                "Undersköterska, Lifecare: Utförare\nSjuksköterska, Appva: Standard",
                Changed: true),
            Assert.Single(fields));
    }

    [Fact]
    public void OtherRecordedObjects_ListTheirLabelledValues_LeavingOutWhatIsEmpty()
    {
        var fields = Compare("FollowUp", null, """{"FollowUpIds":{"From":3,"To":7},"EndDates":{"From":"2026-12-01","To":null}}""");

        Assert.Equal(["Från: 3, Till: 7", "Från: 2026-12-01"], fields.Select(f => f.After));
    }

    [Fact]
    public void TextThatIsNotJson_IsShownAsStored() =>
        Assert.Equal(new AuditField("Innehåll", null, "fritt skriven text", Changed: false), Assert.Single(Compare("Order", null, "fritt skriven text")));

    [Fact]
    public void NothingBeforeOrAfter_IsNoFields() => Assert.Empty(Compare("Employee", null, null));

    [Theory]
    [InlineData("""{"Personnummer":"19790312-2383"}""")]
    [InlineData("""{"Personnummer":"197903122383"}""")]
    [InlineData("""{"Note":"Gäller 790312-2383 från i dag"}""")]
    [InlineData("""{"People":[{"Pnr":"19790312-2383"}]}""")]
    public void AFullPersonnummer_IsNeverShown_OnlyItsBirthDate(string after)
    {
        var shown = Assert.Single(Compare("Order", null, after)).After;

        Assert.DoesNotContain("2383", shown, StringComparison.Ordinal);
        Assert.Contains("790312-****", shown, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Nyckeln 12345678 lämnades ut.")]
    [InlineData("SOC-2026-00042 är klart.")]
    [InlineData("<expiry-20261205-1234abcd5678ef90@kommun.example>")]
    [InlineData("19790312-****")]
    public void TextWithoutAPersonnummer_IsLeftAsItIs(string text) =>
        Assert.Equal(text, AuditTexts.WithoutPersonnummer(text));
}
