namespace SocItConsole.Admin.Infrastructure.Changes;

/// <summary>
/// Thrown by a change that finds its record changed since the user loaded it (the caller's copy is older than the
/// database's): a conflict, not a rule's refusal. <see cref="AuditedChange"/> reports it and saves nothing.
/// </summary>
public sealed class StaleChangeException : Exception;
