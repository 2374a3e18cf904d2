using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using MudBlazor;
using SocItConsole.Admin.Features.Cases.Components;
using SocItConsole.Admin.Features.People;
using SocItConsole.Admin.Features.Orders;
using SocItConsole.Admin.Infrastructure.Authentication;
using SocItConsole.Shared.Cases;
using SocItConsole.Shared.Orders;

namespace SocItConsole.Admin.Features.Cases.Pages;

/// <summary>
/// One case as an operator works it: the order's facts, who has it, the checklist, status moves and comments. Every
/// action names the version last loaded, so a change made meanwhile by someone else shows up as a conflict.
/// </summary>
public partial class CasePage
{
    private const string SectionAssignee = "assignee";
    private const string SectionStatus = "status";
    private const string SectionChecklist = "checklist";
    private const string SectionComment = "comment";
    private const string SectionOrderer = "orderer";

    private static readonly ChecklistState[] States = [ChecklistState.Todo, ChecklistState.Done, ChecklistState.NotApplicable];

    private CaseDetails? _case;
    private EmploymentEndView? _ending;
    private bool _loaded;
    private bool _busy;
    private string? _comment;
    private string? _myName;
    private string? _employeeName;
    private CaseFeedback? _feedback;
    private Snackbar? _lastSnackbar;

    [Parameter] public int Id { get; set; }

    [CascadingParameter] private Task<AuthenticationState>? Authentication { get; set; }

    [Inject] private CaseWork Work { get; set; } = default!;

    [Inject] private ISnackbar Snackbar { get; set; } = default!;

    [Inject] private IDialogService Dialogs { get; set; } = default!;

    [Inject] private EmployeeRegister Employees { get; set; } = default!;

    /// <summary>The name as the case may show it: "Skyddad person" for a protected person until revealed (logged).</summary>
    private string EmployeeName => _employeeName ?? _case?.EmployeeName ?? string.Empty;

    private string EmployeeHref => $"/employees/{_case!.EmployeeId}";

    private int OpenItems => _case?.Checklist.Count(i => i.State == ChecklistState.Todo) ?? 0;

    private string CompleteTooltip => _case?.CompletionBlock ?? (
        OpenItems == 1 ? "1 punkt i checklistan är inte klar." : $"{OpenItems} punkter i checklistan är inte klara.");

    /// <summary>", utom den som anges nedan" when an end of employment left grants running; otherwise nothing.</summary>
    private string ExceptNotApplicable => _case?.NotApplicableSystems.Count switch
    {
        null or 0 => string.Empty,
        1 => ", utom den som anges nedan",
        _ => ", utom de som anges nedan",
    };

    private bool CanTake => _case is { } c && CaseStatusRules.IsOpen(c.Status) && c.AssignedToName != _myName;

    protected override async Task OnParametersSetAsync()
    {
        if (Authentication is not null)
        {
            _myName = CurrentUser.ToActor((await Authentication).User).Name;
        }

        _feedback = null;
        _employeeName = null;
        await LoadAsync();
    }

    private async Task RevealNameAsync() => _employeeName = await Employees.RevealNameAsync(_case!.EmployeeId);

    private async Task LoadAsync()
    {
        _case = await Work.GetAsync(Id);
        _ending = _case?.Type == OrderType.Terminate ? await Work.EndingAsync(Id) : null;
        _loaded = true;
    }

    private async Task ReloadAsync()
    {
        _feedback = null;
        await LoadAsync();
    }

    private async Task TakeAsync() =>
        await RunAsync(SectionAssignee, version => Work.TakeAsync(Id, version));

    private async Task MarkAsync(ChecklistRow item, ChecklistState state)
    {
        if (item.State == state)
        {
            return;
        }

        string? note = null;
        if (state == ChecklistState.NotApplicable)
        {
            note = await AskAsync(
                $"Ej aktuell: {item.Label}",
                $"{NotApplicableMeans(item.Kind)}Skriv varför \"{item.Label}\" inte är aktuell. Anteckningen sparas i checklistan.",
                "Anteckning",
                "Spara",
                Color.Primary,
                ChecklistItem.NoteMaxLength);
            if (note is null)
            {
                return;
            }
        }

        await RunAsync(SectionChecklist, version => Work.MarkItemAsync(Id, version, item.Id, state, note));
    }

    private async Task MoveAsync(OrderStatus to) =>
        await RunAsync(SectionStatus, version => Work.MoveAsync(Id, version, to, null));

    private Task CompleteAsync() => MoveAsync(OrderStatus.Completed);

    private async Task ConfirmOrdererAsync()
    {
        var confirmed = await Dialogs.ShowMessageBoxAsync(
            "Bekräfta beställare",
            $"Har du kontrollerat med chefen för {_case!.UnitName} att {_case.OrdererName} ({_case.OrdererEmail}) får beställa "
            + "för verksamheten? Ärendet kan sedan slutföras.",
            yesText: "Ja, bekräfta", cancelText: "Avbryt");
        if (confirmed == true)
        {
            await RunAsync(SectionOrderer, version => Work.ConfirmOrdererAsync(Id, version));
        }
    }

    /// <summary>Waiting for the orderer means asking them something: the question goes to them by e-mail.</summary>
    private async Task WaitAsync()
    {
        var question = await AskAsync(
            $"Fråga beställaren i {_case!.CaseNumber}",
            $"Frågan skickas till beställaren {_case.OrdererName} med e-post. Ärendet väntar på svaret, som beställaren ger under Mina ärenden.",
            "Fråga till beställaren",
            "Skicka frågan",
            Color.Warning,
            CaseComment.TextMaxLength);
        if (question is not null)
        {
            await RunAsync(SectionStatus, version => Work.MoveAsync(Id, version, OrderStatus.WaitingForOrderer, question));
        }
    }

    private async Task RejectAsync()
    {
        var reason = await AskAsync(
            $"Avvisa {_case!.CaseNumber}",
            "Skriv varför ärendet avvisas. Skälet syns för beställaren.",
            "Skäl",
            "Avvisa",
            Color.Error,
            CaseComment.TextMaxLength);
        if (reason is not null)
        {
            await RunAsync(SectionStatus, version => Work.MoveAsync(Id, version, OrderStatus.Rejected, reason));
        }
    }

    private async Task CommentAsync()
    {
        var text = _comment;
        if (string.IsNullOrWhiteSpace(text))
        {
            return;
        }

        if (await RunAsync(SectionComment, version => Work.CommentAsync(Id, version, text)))
        {
            _comment = null;
        }
    }

    /// <summary>Runs one change against the version last loaded; reloads after it is saved.</summary>
    private async Task<bool> RunAsync(string section, Func<int, Task<CaseResult>> change)
    {
        if (_case is null || _busy)
        {
            return false;
        }

        _busy = true;
        _feedback = null;
        try
        {
            switch (await change(_case.Version))
            {
                case CaseResult.Done done:
                    ShowDone(done.Message);
                    await LoadAsync();
                    return true;
                case CaseResult.Conflict conflict:
                    _feedback = new CaseFeedback(section, conflict.Message, IsConflict: true);
                    return false;
                case CaseResult.Refused refused:
                    _feedback = new CaseFeedback(section, refused.Message, IsConflict: false);
                    return false;
                default:
                    return false;
            }
        }
        finally
        {
            _busy = false;
        }
    }

    /// <summary>Ticking a checklist is many quick changes: one confirmation at a time, not a stack over the list.</summary>
    private void ShowDone(string message)
    {
        if (_lastSnackbar is not null)
        {
            Snackbar.Remove(_lastSnackbar);
        }

        _lastSnackbar = Snackbar.Add(message, Severity.Success);
    }

    private async Task<string?> AskAsync(string title, string prompt, string label, string confirmText, Color confirmColor, int maxLength)
    {
        var parameters = new DialogParameters<CaseReasonDialog>
        {
            { d => d.Prompt, prompt },
            { d => d.Label, label },
            { d => d.ConfirmText, confirmText },
            { d => d.ConfirmColor, confirmColor },
            { d => d.MaxLength, maxLength },
        };
        var dialog = await Dialogs.ShowAsync<CaseReasonDialog>(
            title, parameters, new DialogOptions { MaxWidth = MaxWidth.Small, FullWidth = true });
        var result = await dialog.Result;
        return result is { Canceled: false, Data: string text } ? text : null;
    }

    /// <summary>What "Ej aktuell" does to the grants when the case is completed, said before the operator confirms it.</summary>
    private string NotApplicableMeans(ChecklistItemKind kind) => (kind, _case is { } c && OrderDays.IsEnd(c.Type)) switch
    {
        (ChecklistItemKind.System, true) =>
            "Behörigheten avslutas då inte utan finns kvar. Är den redan borttagen i systemet, markera punkten Klar i stället. ",
        (ChecklistItemKind.System, _) => "Systemet ges då inte: ingen behörighet registreras för det. ",
        (ChecklistItemKind.KeyReturn, _) =>
            "Nyckeln återlämnas då inte i nyckelregistret; när ärendet är klart ska den återlämnas senast sista arbetsdagen. ",
        _ => string.Empty,
    };

    private static string StateName(ChecklistState state) => state switch
    {
        ChecklistState.Done => "Klar",
        ChecklistState.NotApplicable => "Ej aktuell",
        _ => "Att göra",
    };

    private static Color StateColor(ChecklistState state) => state switch
    {
        ChecklistState.Done => Color.Success,
        ChecklistState.NotApplicable => Color.Secondary,
        _ => Color.Primary,
    };

    private static Color StatusColor(OrderStatus status) => status switch
    {
        OrderStatus.Received => Color.Info,
        OrderStatus.InProgress => Color.Primary,
        OrderStatus.WaitingForOrderer => Color.Warning,
        OrderStatus.Completed => Color.Success,
        OrderStatus.Rejected => Color.Error,
        _ => Color.Default,
    };
}
