namespace SocItConsole.Admin.Tests.Browser;

/// <summary>
/// Browser tests each start the app on Kestrel and a Chromium: run one at a time, so that on two cores they do not
/// starve each other (and the rest of the suite) into time-outs. The trait marks every test of the group, so that
/// <c>dotnet test --filter "Category!=Browser"</c> runs everything else.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
[Trait(CategoryTrait, Name)]
public sealed class BrowserTestGroup
{
    public const string Name = "Browser";

    public const string CategoryTrait = "Category";
}
