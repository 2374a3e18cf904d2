using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using CsCheck;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using SocItConsole.Admin.Features.Orders.Api;
using SocItConsole.Admin.Tests.TestData;
using SocItConsole.Shared.Common;
using SocItConsole.Shared.Orders;
using SocItConsole.Shared.People;

namespace SocItConsole.Admin.Tests.Shared.Properties;

/// <summary>
/// The order API's contract (<see cref="OrderBodyReader"/> and <see cref="OrderRules"/>) and its dates against
/// generated bodies: read, then validated, as <c>POST /api/v1/orders</c> does. Every body is either read and round-trips
/// (re-serialised it reads to the same canonical hash) or refused as a problem with Swedish messages; the rules then
/// accept it or name the fields in Swedish. Nothing throws.
/// </summary>
public partial class OrderBodyPropertyTests
{
    private static readonly DateOnly Today = OrderApiBodies.Today;

    private static readonly string[] DateFields = [OrderApiFields.StartDate, OrderApiFields.EndDate];

    private static readonly int[] ProblemStatuses = [StatusCodes.Status413PayloadTooLarge, StatusCodes.Status415UnsupportedMediaType];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task OrderBody_BuiltFromTheRules_IsRead_Validated_AndRoundTrips()
    {
        var names = Gen.Char["abcdefghijklmnopqrstuvwxyzåäöéüABCDEFGHIJKLMNOPQRSTUVWXYZÅÄÖ -'"].Array[1, 60]
            .Select(c => new string(c)).Where(n => n.Trim().Length > 0);
        var bodies = Gen.Select(
            Gen.Bool,
            Gen.DateOnly[Today.AddYears(-99), Today.AddYears(-16)],
            Gen.Int[0, 999],
            names,
            Hostile.Text.Where(t => t.Trim().Length <= OrderRules.NoteMaxLength && IsValidUtf16(t) && SocItConsole.Shared.Common.Text.Unstorable(t) is null));

        await Hostile.CheckAsync(bodies, async input =>
        {
            var (isNew, birth, serial, name, note) = input;
            var nine = birth.ToString("yyMMdd", CultureInfo.InvariantCulture) + serial.ToString("D3", CultureInfo.InvariantCulture);
            var personnummer = birth.ToString("yyyy", CultureInfo.InvariantCulture) + nine[2..6] + "-" + nine[6..]
                + Personnummer.CheckDigit(nine).ToString(CultureInfo.InvariantCulture);
            var body = isNew ? OrderApiBodies.NewUndersköterska(personnummer) : OrderApiBodies.Extend(personnummer);
            body["employee"]!["fullName"] = name;
            body["note"] = note;

            var read = await ReadAsync(Encoding.UTF8.GetBytes(body.ToJsonString()));

            Assert.Null(read.Problem);
            var request = read.Body!.ToOrderRequest();
            Assert.Equal(personnummer, request.Personnummer);
            Assert.Equal(name, request.EmployeeName);
            Assert.Equal(note, request.Note);
            await AssertRoundTripAsync(read);
            var validation = OrderRules.Validate(request, PlacedOrders.Reference, Today);
            Assert.True(validation.IsValid, string.Join("; ", validation.Errors.SelectMany(e => e.Value)));
            Assert.Equal(birth, validation.Order!.Personnummer.BirthDate);
            Assert.Equal(string.IsNullOrWhiteSpace(note) ? null : note.Trim(), validation.Order.Note);
        }, "Order body, valid");
    }

    [Fact]
    public async Task OrderBody_AnyMutation_IsEitherReadAndRoundTrips_OrRefusedInSwedish_AndValidationNeverThrows()
    {
        var inputs = Gen.Select(Gen.Int, Gen.Enum<MutationKind>(), (seed, kind) => OrderBodyMutations.Create(seed, kind));

        await Hostile.CheckAsync(inputs, async mutated =>
        {
            var read = await ReadAsync(mutated.Content, mutated.ContentType);
            if (read.Problem is { } problem)
            {
                AssertSwedishProblem(problem);
                return;
            }

            await AssertRoundTripAsync(read);
            var validation = OrderRules.Validate(read.Body!.ToOrderRequest(), PlacedOrders.Reference, Today);
            Assert.Equal(validation.IsValid, validation.Errors.Count == 0);
            foreach (var (field, messages) in OrderApiFields.ToPaths(validation.Errors))
            {
                Assert.Matches(OrderField(), field);
                Assert.NotEmpty(messages);
                Assert.All(messages, Hostile.AssertSwedish);
            }
        }, "Order body, mutated");
    }

    [Fact]
    public async Task OrderBody_RandomBytes_AreRefusedInSwedish_NeverAnException()
    {
        var inputs = Gen.Frequency<byte[]>(
            (2, Gen.Byte.Array[0, 200]),
            (2, Hostile.Text.Select(t => Encoding.UTF8.GetBytes(t))),
            (1, Hostile.Near("{}[]\":,0123456789.eE-+truefalsn \\u", 80).Select(t => Encoding.UTF8.GetBytes(t))));

        await Hostile.CheckAsync(inputs, async bytes =>
        {
            var read = await ReadAsync(bytes);
            if (read.Problem is { } problem)
            {
                AssertSwedishProblem(problem);
            }
            else
            {
                // Random bytes rarely make an object, but when they do it must behave like any other body.
                await AssertRoundTripAsync(read);
                _ = OrderRules.Validate(read.Body!.ToOrderRequest(), PlacedOrders.Reference, Today);
            }
        }, "Order body, random bytes");
    }

    [Fact]
    public async Task Date_AnyCalendarDay_IsReadFromItsIsoForm_AndWrittenBackTheSame()
    {
        var inputs = Gen.Select(Gen.DateOnly, Gen.Bool);

        await Hostile.CheckAsync(inputs, async input =>
        {
            var (date, end) = input;
            var field = end ? "endDate" : "startDate";
            var iso = Dates.Iso(date);

            var read = await ReadAsync(Encoding.UTF8.GetBytes($"{{\"{field}\":\"{iso}\"}}"));

            Assert.Null(read.Problem);
            var parsed = end ? read.Body!.EndDate : read.Body!.StartDate;
            Assert.Equal(date, parsed);
            Assert.Equal(iso, Dates.Iso(parsed!.Value));
            await AssertRoundTripAsync(read);
        }, "Date, valid");
    }

    [Fact]
    public async Task Date_AnyText_IsEitherExactlyAnIsoDate_OrRefusedInSwedishUnderItsField()
    {
        var isoDates = Gen.DateOnly.Select(Dates.Iso);
        var inputs = Gen.Select(
            Gen.Frequency<string>(
                (3, Hostile.Text),
                (3, Hostile.Near("0123456789-T:Z+/. ", 14)),
                (4, Hostile.Mutated(isoDates))),
            Gen.Bool);

        await Hostile.CheckAsync(inputs, async input =>
        {
            var (text, end) = input;
            var field = end ? "endDate" : "startDate";

            var read = await ReadAsync(Encoding.UTF8.GetBytes($"{{\"{field}\":{JsonString(text)}}}"));

            if (read.Problem is { } problem)
            {
                var errors = Assert.IsType<ValidationProblem>(problem).ProblemDetails.Errors;
                Assert.True(errors.ContainsKey(field) || errors.ContainsKey("$"), string.Join(", ", errors.Keys));
                AssertSwedishProblem(problem);
                return;
            }

            var parsed = end ? read.Body!.EndDate : read.Body!.StartDate;
            Assert.Equal(text, Dates.Iso(parsed!.Value));
        }, "Date, hostile");
    }

    [Fact]
    public void OrderDates_AreAcceptedExactlyInsideTheirWindow_ElseRefusedInSwedishUnderTheirField()
    {
        var dates = Gen.DateOnly[Today.AddYears(-3), Today.AddYears(9)];
        var inputs = Gen.Select(dates, dates, Gen.Int[0, 3], (start, end, shape) => (Start: start, End: shape == 0 ? (DateOnly?)null : end));

        Hostile.Check(inputs, input =>
        {
            var request = OrderRequests.Extend() with { StartDate = input.Start, EndDate = input.End };

            var validation = OrderRules.Validate(request, PlacedOrders.Reference, Today);
            var errors = OrderApiFields.ToPaths(validation.Errors);

            var startOk = input.Start >= Today.AddDays(-OrderRules.MaxDaysInPast) && input.Start <= Today.AddDays(OrderRules.MaxDaysAhead);
            var endOk = input.End is not { } end
                || (end > input.Start && end <= Today.AddDays(OrderRules.MaxDaysAhead + (5 * 365)));
            Assert.Equal(startOk, !errors.ContainsKey(OrderApiFields.StartDate));
            Assert.Equal(endOk, !errors.ContainsKey(OrderApiFields.EndDate));
            Assert.Equal(startOk && endOk, validation.IsValid);
            Assert.All(errors.Keys, key => Assert.Contains(key, DateFields));
            Assert.All(validation.Errors.Values.SelectMany(m => m), Hostile.AssertSwedish);
        }, "Order dates, window");
    }

    private static async Task<OrderBodyRead> ReadAsync(byte[] content, string? contentType = OrderBodyMutations.Json)
    {
        var context = new DefaultHttpContext();
        context.Request.Method = HttpMethods.Post;
        context.Request.ContentType = contentType;
        context.Request.ContentLength = content.Length;
        context.Request.Body = new MemoryStream(content);
        return await OrderBodyReader.ReadAsync(context.Request, Ct);
    }

    /// <summary>Parse → write → parse: the canonical form reads back to the same body, and so to the same hash.</summary>
    private static async Task AssertRoundTripAsync(OrderBodyRead read)
    {
        Assert.NotNull(read.Body);
        Assert.NotNull(read.Hash);
        var again = await ReadAsync(JsonSerializer.SerializeToUtf8Bytes(read.Body, OrderBodyReader.Options));
        Assert.Null(again.Problem);
        Assert.Equal(read.Hash, again.Hash);
    }

    private static void AssertSwedishProblem(IResult problem)
    {
        switch (problem)
        {
            case ValidationProblem validation:
                Assert.Equal(StatusCodes.Status400BadRequest, validation.StatusCode);
                Assert.NotEmpty(validation.ProblemDetails.Errors);
                Assert.All(validation.ProblemDetails.Errors.Values.SelectMany(m => m), Hostile.AssertSwedish);
                break;
            case ProblemHttpResult other:
                Assert.Contains(other.StatusCode, ProblemStatuses);
                Hostile.AssertSwedish(other.ProblemDetails.Detail);
                break;
            default:
                Assert.Fail($"Unexpected answer {problem.GetType().Name}.");
                break;
        }
    }

    /// <summary>A JSON string literal that spells every character outside printable ASCII as an escape, lone surrogates too.</summary>
    private static string JsonString(string text)
    {
        var builder = new StringBuilder("\"");
        foreach (var c in text)
        {
            if (c is >= ' ' and <= '~' and not '"' and not '\\')
            {
                builder.Append(c);
            }
            else
            {
                builder.Append(CultureInfo.InvariantCulture, $"\\u{(int)c:X4}");
            }
        }

        return builder.Append('"').ToString();
    }

    /// <summary>False for text with a lone surrogate, which no UTF-8 JSON body can carry.</summary>
    private static bool IsValidUtf16(string text) => Encoding.UTF8.GetString(Encoding.UTF8.GetBytes(text)) == text;

    [GeneratedRegex(@"^(type|employee\.fullName|employee\.personnummer|title|unit|targetUnit|startDate|endDate|systems|systems\[\d+\]\.(name|level)|key\.kind|key\.keyNumber|orderer\.(name|email)|manager\.(name|email)|note)$")]
    private static partial Regex OrderField();
}
