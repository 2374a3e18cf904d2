namespace SocItConsole.Admin.Tests.Browser;

/// <summary>
/// Browser tests each start the app on Kestrel and a Chromium: run one at a time, so that on two cores they do not
/// starve each other (and the rest of the suite) into time-outs.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class BrowserTestGroup
{
    public const string Name = "Browser";
}
