namespace SocItConsole.Shared.Audit;

/// <summary>Who did something: the stable user id (Entra ID object id) and the name shown in history.</summary>
public sealed record Actor(string Id, string Name)
{
    /// <summary>Nightly jobs and start-up act as the system itself.</summary>
    public static readonly Actor System = new("system", "SocItConsole");
}
