using Microsoft.AspNetCore.Components;
using MudBlazor;
using SocItConsole.Shared.Common;

namespace SocItConsole.Admin.Features.Consents.Pages;

/// <summary>
/// <em>Att godkänna</em>: a manager's requests to let someone from another unit into one of theirs, each approved
/// (after a confirmation) or rejected with a reason, and what they answered lately.
/// </summary>
public partial class ApprovalsPage
{
    private ApprovalsView? _view;
    private int? _approving;
    private int? _rejecting;
    private string? _reasonError;
    private (Severity Severity, string Text)? _feedback;

    [Inject] private ConsentService Consents { get; set; } = default!;

    [Inject] private ApprovalsChanged Changed { get; set; } = default!;

    [Inject] private NavigationManager Navigation { get; set; } = default!;

    /// <summary>The request whose approval is being confirmed (what the message box asked): <c>?godkann=id</c>.</summary>
    [SupplyParameterFromQuery(Name = "godkann")] public int? ApproveQuery { get; set; }

    /// <summary>The request being rejected, with its reason to write: <c>?avsla=id</c>.</summary>
    [SupplyParameterFromQuery(Name = "avsla")] public int? RejectQuery { get; set; }

    [SupplyParameterFromForm(FormName = "approve")] public DecisionForm? Approval { get; set; }

    [SupplyParameterFromForm(FormName = "reject")] public DecisionForm? Rejection { get; set; }

    /// <summary>The page without an open step, where Avbryt leads. The forms post to the address that opened them, so
    /// that the form the POST names is on the page it renders.</summary>
    private string PageHref => Navigation.GetUriWithQueryParameters(new Dictionary<string, object?> { ["godkann"] = null, ["avsla"] = null });

    protected override async Task OnParametersSetAsync()
    {
        _approving = ApproveQuery;
        _rejecting = ApproveQuery is null ? RejectQuery : null;
        _view = await Consents.ApprovalsAsync();
    }

    private string StepHref(string step, ApprovalRow row) =>
        Navigation.GetUriWithQueryParameters(new Dictionary<string, object?>
        {
            ["godkann"] = step == "godkann" ? row.ConsentId : null,
            ["avsla"] = step == "avsla" ? row.ConsentId : null,
        }) + $"#forfragan-{row.ConsentId}";

    /// <summary>The confirmed approval; the service checks that the request is to one of the manager's units.</summary>
    private async Task ApproveAsync()
    {
        if (Approval is { } decision)
        {
            await RunAsync(() => Consents.ApproveAsync(decision.ConsentId));
        }
    }

    private async Task RejectAsync()
    {
        if (Rejection is not { } decision)
        {
            return;
        }

        if (string.IsNullOrWhiteSpace(decision.Reason))
        {
            _rejecting = decision.ConsentId;
            _reasonError = "Skriv ett skäl.";
            return;
        }

        await RunAsync(() => Consents.RejectAsync(decision.ConsentId, decision.Reason.Trim()));
    }

    private async Task RunAsync(Func<Task<ConsentResult>> decide)
    {
        _approving = null;
        _rejecting = null;
        _feedback = await decide() switch
        {
            ConsentResult.Done done => (Severity.Success, done.Message),
            ConsentResult.Refused refused => (Severity.Error, refused.Message),
            ConsentResult.Conflict conflict => (Severity.Warning, conflict.Message),
            _ => null,
        };
        _view = await Consents.ApprovalsAsync();
        Changed.Notify();
    }

    private static string Period(ApprovalRow row) => $"{Dates.Iso(row.From)} – {Dates.Iso(row.To)}";

    /// <summary>The fields of the approve and reject forms.</summary>
    public sealed class DecisionForm
    {
        public int ConsentId { get; set; }

        public string? Reason { get; set; }
    }
}
