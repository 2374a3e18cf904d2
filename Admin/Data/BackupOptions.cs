using Microsoft.Extensions.Options;

namespace SocItConsole.Admin.Data;

/// <summary>The <c>Backup</c> section: where the nightly <c>database-backup</c> writes and how long its files are kept.</summary>
public sealed class BackupOptions
{
    public const string Section = "Backup";

    /// <summary>The folder of the nightly backups; a relative path is taken from the content root, as the database's is.</summary>
    public string Folder { get; set; } = Path.Combine("App_Data", "backups");

    /// <summary>A backup taken more than this many days ago is deleted by the next run...</summary>
    public int RetentionDays { get; set; } = 14;

    /// <summary>...unless it is one of this many newest, so that nights without a backup never leave none.</summary>
    public int KeepAtLeast { get; set; } = 3;

    /// <summary>What is wrong with the settings, one sentence each naming the setting; empty when they can be used.</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(Folder))
        {
            problems.Add($"{Section}:{nameof(Folder)} must be set: the folder the nightly database backups are written to.");
        }

        if (RetentionDays < 1)
        {
            problems.Add($"{Section}:{nameof(RetentionDays)} must be 1 or more: the days a backup is kept (it is {RetentionDays}).");
        }

        if (KeepAtLeast < 1)
        {
            problems.Add($"{Section}:{nameof(KeepAtLeast)} must be 1 or more: the newest backups kept whatever their age (it is {KeepAtLeast}).");
        }

        return problems;
    }
}

/// <summary>Every problem of the <c>Backup</c> section at once, at start-up (or at the first run of a command).</summary>
internal sealed class BackupOptionsValidation : IValidateOptions<BackupOptions>
{
    public ValidateOptionsResult Validate(string? name, BackupOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.Problems() is { Count: > 0 } problems ? ValidateOptionsResult.Fail(problems) : ValidateOptionsResult.Success;
    }
}
