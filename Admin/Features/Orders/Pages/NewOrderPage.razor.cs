using Microsoft.AspNetCore.Components;
using SocItConsole.Shared.Orders;

namespace SocItConsole.Admin.Features.Orders.Pages;

/// <summary>
/// The order form: the type first, then only what that type needs, the systems beside it as they follow from the
/// choices. The server's <see cref="OrderRules"/> decide what is valid; their errors are shown under the fields.
/// </summary>
public partial class NewOrderPage
{
    private static readonly IReadOnlyList<(OrderType Type, string Hint)> TypeOptions =
    [
        (OrderType.New, "En nyanställd medarbetare. Systemen följer av titel och verksamhet."),
        (OrderType.Extend, "Fler system eller en högre nivå i ett system, tills vidare eller till ett slutdatum."),
        (OrderType.TemporaryUnit, "Tillgång till en annan verksamhet under en period, till ett slutdatum."),
        (OrderType.Terminate, "En anställning upphör: dess behörigheter avslutas den sista arbetsdagen."),
        (OrderType.Change, "Ny titel eller ny verksamhet i en anställning. Det som inte längre ingår avslutas."),
    ];

    private static readonly IReadOnlyList<(KeyChoiceKind Kind, string Hint)> KeyOptions =
    [
        (KeyChoiceKind.PersonalKey, "En egen nyckel som redan finns."),
        (KeyChoiceKind.BuyNewKey, "Det finns ingen ledig nyckel."),
        (KeyChoiceKind.Pool, "Tar en nyckel ur poolen vid varje pass."),
    ];

    private OrderFormContext? _context;
    private OrderFormModel? _model;
    private IReadOnlyDictionary<OrderFieldKey, string[]> _errors = new Dictionary<OrderFieldKey, string[]>();
    private IReadOnlyList<OrderSystemLine> _preview = [];
    private ChangePreview? _changePreview;
    private int _previewVersion;
    private bool _previewLoading;
    private bool _submitting;
    private string? _formError;
    private OrderReceipt? _receipt;
    private EmploymentChoices _employments = EmploymentChoices.None;
    private int _employmentsVersion;
    private string? _ordererWarning;
    private int _ordererWarningVersion;

    [Inject] private OrderForm Orders { get; set; } = default!;

    private bool HasErrors => _errors.Count > 0 || _formError is not null;

    private string EndDateLabel => _model?.Type switch
    {
        OrderType.Terminate => "Sista arbetsdag",
        OrderType.TemporaryUnit => "Slutdatum",
        _ => "Slutdatum, om behörigheten är tillfällig",
    };

    private bool IsChange => _model?.Type == OrderType.Change;

    private string? EmploymentHelp => _model switch
    {
        { Employments.Count: > 0 } => "Anställningen som får ny titel eller verksamhet",
        { Personnummer: { Length: > 0 } } => "Medarbetaren har ingen pågående anställning som du kan beställa byte för.",
        _ => "Fyll i personnumret så visas medarbetarens anställningar.",
    };

    private string EmploymentLabel(int? id) => _model?.Employments.FirstOrDefault(e => e.Id == id)?.Label ?? string.Empty;

    private async Task PersonnummerChangedAsync(string? value)
    {
        Update(OrderField.Personnummer, () => _model!.Personnummer = value);
        await LoadEmploymentsAsync();
        await RefreshEmploymentsAsync();
    }

    private async Task LoadEmploymentsAsync()
    {
        if (!IsChange)
        {
            return;
        }

        _model!.Employments = await Orders.ChangeableEmploymentsAsync(_model.Personnummer);
        if (_model.Employment is null)
        {
            _model.ChooseEmployment(_model.Employments.Count == 1 ? _model.Employments[0].Id : null);
        }

        await RefreshPreviewAsync();
    }

    private Task EmploymentChangedAsync(int? id)
    {
        Update(OrderField.Employment, () => _model!.ChooseEmployment(id));
        ClearErrors(OrderField.Title, OrderField.Unit);
        return RefreshPreviewAsync();
    }

    private bool EndDateRequired => _model?.Type is OrderType.TemporaryUnit or OrderType.Terminate;

    private IReadOnlyList<OrderSystemLine> PanelSystems =>
        _model?.Type == OrderType.Extend ? _model.ChosenSystems : _preview;

    private bool PreviewReady => _model is { TitleId: not null, GrantUnit: not null };

    /// <summary>Errors whose field is not on the form as it stands: they go in the summary instead.</summary>
    private IEnumerable<string> UnplacedErrors => _errors
        .Where(e => _model?.Shows(e.Key) != true)
        .SelectMany(e => e.Value)
        .Concat(_formError is null ? [] : [_formError]);

    protected override Task OnInitializedAsync() => StartAsync();

    private async Task StartAsync()
    {
        _context = await Orders.LoadAsync();
        _model = new OrderFormModel(_context);
        _errors = new Dictionary<OrderFieldKey, string[]>();
        _formError = null;
        _preview = [];
        _receipt = null;
        _employments = EmploymentChoices.None;
        _ordererWarning = null;
    }

    private bool HasError(OrderFieldKey field) => _errors.ContainsKey(field);

    private string? ErrorText(OrderFieldKey field) => _errors.TryGetValue(field, out var messages) ? string.Join(" ", messages) : null;

    /// <summary>Applies a change and clears the field's error: the next submit says whether it is right now.</summary>
    private void Update(OrderFieldKey field, Action apply)
    {
        apply();
        ClearErrors(field);
    }

    private void ClearErrors(params OrderFieldKey[] fields)
    {
        if (fields.Any(_errors.ContainsKey))
        {
            _errors = _errors.Where(e => !fields.Contains(e.Key)).ToDictionary();
        }
    }

    private string ChannelPhrase => _model?.Channel == OrderChannel.Phone ? "telefon" : "säkert meddelande";

    private async Task ChannelChangedAsync(OrderChannel channel)
    {
        _model!.ChooseChannel(channel);
        ClearErrors(OrderField.OrdererName, OrderField.OrdererEmail, OrderField.ManagerName, OrderField.ManagerEmail);
        await RefreshOrdererWarningAsync();
    }

    private async Task TypeChangedAsync(OrderType? type)
    {
        Update(OrderField.Type, () => _model!.Type = type);
        await LoadEmploymentsAsync();
        await RefreshPreviewAsync();
        await RefreshEmploymentsAsync();
    }

    private Task EndDateChangedAsync(DateTime? date)
    {
        Update(OrderField.EndDate, () => _model!.EndDate = date);
        return RefreshEmploymentsAsync();
    }

    private void EmploymentChanged(int? id) => Update(OrderField.Title, () => _model!.EmploymentId = id);

    /// <summary>
    /// For an end of employment: the person's employments in the chosen unit and elsewhere, so that the form shows
    /// which one ends and which remain, and asks which when there are several.
    /// </summary>
    private async Task RefreshEmploymentsAsync()
    {
        var version = ++_employmentsVersion;
        if (_model is not { Type: OrderType.Terminate })
        {
            _employments = EmploymentChoices.None;
            return;
        }

        var lastDay = _model.EndDate is { } date ? DateOnly.FromDateTime(date) : (DateOnly?)null;
        var choices = await Orders.EmploymentsAsync(_model.Personnummer, _model.UnitId, lastDay);
        // A slower answer to an earlier choice must not overwrite the answer to the latest one.
        if (version != _employmentsVersion)
        {
            return;
        }

        _employments = choices;
        _model.ChoosesEmployment = choices.InUnit.Count > 1;
        if (choices.InUnit.All(e => e.Id != _model.EmploymentId))
        {
            _model.EmploymentId = null;
        }
    }

    private Task TitleChangedAsync(int? id)
    {
        Update(OrderField.Title, () => _model!.TitleId = id);
        return RefreshPreviewAsync();
    }

    private async Task UnitChangedAsync(int? id)
    {
        Update(OrderField.Unit, () => _model!.ChooseUnit(id));
        await RefreshPreviewAsync();
        await RefreshEmploymentsAsync();
        await RefreshOrdererWarningAsync();
    }

    private Task OrdererEmailChangedAsync(string? value)
    {
        Update(OrderField.OrdererEmail, () => _model!.OrdererEmail = value);
        return RefreshOrdererWarningAsync();
    }

    /// <summary>
    /// An order registered for its sender names someone else as orderer: warn, without stopping it, when that person
    /// may not order for the unit.
    /// </summary>
    private async Task RefreshOrdererWarningAsync()
    {
        var version = ++_ordererWarningVersion;
        var warning = _model is { IsForSender: true }
            ? await Orders.OrdererRightAsync(_model.OrdererEmail, _model.UnitId)
            : null;
        if (version == _ordererWarningVersion)
        {
            _ordererWarning = warning;
        }
    }

    private Task TargetUnitChangedAsync(int? id)
    {
        Update(OrderField.TargetUnit, () => _model!.TargetUnitId = id);
        return RefreshPreviewAsync();
    }

    private Task StartDateChangedAsync(DateTime? date)
    {
        Update(OrderField.StartDate, () => _model!.StartDate = date);
        return RefreshPreviewAsync();
    }

    private void SystemChanged(int index, SystemChoice row, int? systemId)
    {
        _model!.ChooseSystem(row, systemId);
        ClearErrors(OrderField.Systems, OrderFieldKey.SystemName(index), OrderFieldKey.SystemLevel(index));
    }

    private void AddSystemRow() => _model!.Systems.Add(new SystemChoice());

    private void RemoveSystemRow(SystemChoice row)
    {
        _model!.Systems.Remove(row);
        // Row errors are numbered by position; after a removal they would point at the wrong rows.
        _errors = _errors.Where(e => !e.Key.IsSystemRow).ToDictionary();
    }

    private bool TakenByAnotherRow(SystemChoice row, int systemId) =>
        _model!.Systems.Any(other => !ReferenceEquals(other, row) && other.SystemId == systemId);

    private async Task RefreshPreviewAsync()
    {
        var version = ++_previewVersion;
        if (_model is { Type: OrderType.Change, EmploymentId: { } employmentId })
        {
            _previewLoading = true;
            var effective = _model.StartDate is { } day ? DateOnly.FromDateTime(day) : _context!.Today;
            var change = await Orders.PreviewChangeAsync(employmentId, _model.TitleId, _model.UnitId, effective);
            if (version == _previewVersion)
            {
                _changePreview = change;
                _previewLoading = false;
            }

            return;
        }

        _changePreview = null;
        if (_model is not { Type: { } type } || !_model.NeedsTitle || !PreviewReady)
        {
            _preview = [];
            _previewLoading = false;
            return;
        }

        _previewLoading = true;
        var start = _model.StartDate is { } date ? DateOnly.FromDateTime(date) : (DateOnly?)null;
        var systems = await Orders.PreviewAsync(type, _model.TitleId, _model.UnitId, _model.TargetUnitId, start);
        // A slower answer to an earlier choice must not overwrite the answer to the latest one.
        if (version == _previewVersion)
        {
            _preview = systems;
            _previewLoading = false;
        }
    }

    private async Task SubmitAsync()
    {
        if (_submitting || _model is null)
        {
            return;
        }

        _submitting = true;
        _formError = null;
        try
        {
            switch (await Orders.SubmitAsync(_model.ToInput(), _model.Channel))
            {
                case PlaceOrderResult.Created created:
                    _receipt = created.Receipt;
                    break;
                case PlaceOrderResult.Replayed replayed:
                    _receipt = replayed.Receipt;
                    break;
                case PlaceOrderResult.Invalid invalid:
                    _errors = invalid.Errors;
                    break;
                case PlaceOrderResult.IdempotencyConflict conflict:
                    _formError = $"Beställningen krockade med ärende {conflict.CaseNumber}. Skicka den igen.";
                    break;
            }
        }
        finally
        {
            _submitting = false;
        }
    }

    private string TitleName(int? id) => _context?.Titles.FirstOrDefault(t => t.Id == id)?.Name ?? string.Empty;

    private string UnitName(int? id) => _model?.FindUnit(id)?.Name ?? string.Empty;

    private string SystemName(int? id) => _model?.FindSystem(id)?.Name ?? string.Empty;

    private static Func<int?, string> LevelNames(ReferenceSystem? system) =>
        id => system?.Levels.FirstOrDefault(l => l.Id == id)?.Name ?? string.Empty;
}
