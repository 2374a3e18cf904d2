using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using SocItConsole.Admin.Features.Audit;
using SocItConsole.Admin.Features.Matrix;
using SocItConsole.Admin.Features.Orders;
using SocItConsole.Admin.Infrastructure.Audit;
using SocItConsole.Admin.Infrastructure.Authentication;
using SocItConsole.Admin.Infrastructure.Changes;

namespace SocItConsole.Admin.Tests.Infrastructure;

/// <summary>Feature services wired as the app wires them, over a test database, acting as a given demo user.</summary>
public static class AppServices
{
    /// <summary>A clock at a fixed instant: 2026-11-27 10:00 in Stockholm.</summary>
    public static FakeTimeProvider Clock() => new(new DateTimeOffset(2026, 11, 27, 9, 0, 0, TimeSpan.Zero));

    public static CurrentUser CurrentUser(string userName) => CurrentUser(userName, NullLoggerFactory.Instance);

    /// <summary>The demo user, logging (the security events of a refused operation) through <paramref name="loggers"/>.</summary>
    public static CurrentUser CurrentUser(string userName, Microsoft.Extensions.Logging.ILoggerFactory loggers)
    {
        var principal = DevUsers.Find(userName)?.ToPrincipal() ?? throw new ArgumentException(userName, nameof(userName));
        var authorization = new ServiceCollection().AddLogging().AddAuthorizationCore(Policies.Configure)
            .BuildServiceProvider().GetRequiredService<IAuthorizationService>();
        return new CurrentUser(new FixedAuthenticationState(principal), new HttpContextAccessor(), authorization, loggers);
    }

    /// <summary>
    /// The demo user with the app's two "may order" handlers: the roles, and the appointment register in
    /// <paramref name="database"/> read on <paramref name="clock"/>.
    /// </summary>
    public static CurrentUser CurrentUserWithAppointments(string userName, TestDatabase database, TimeProvider clock)
    {
        var principal = DevUsers.Find(userName)?.ToPrincipal() ?? throw new ArgumentException(userName, nameof(userName));
        var authorization = new ServiceCollection().AddLogging().AddAuthorizationCore(Policies.Configure)
            .AddSingleton<IAuthorizationHandler>(new SocItConsole.Admin.Features.Orderers.AppointedOrdererAuthorization(database, clock, new HttpContextAccessor()))
            .BuildServiceProvider().GetRequiredService<IAuthorizationService>();
        return new CurrentUser(new FixedAuthenticationState(principal), new HttpContextAccessor(), authorization, NullLoggerFactory.Instance);
    }

    /// <summary>The appointed orderers' service, acting as <paramref name="userName"/>.</summary>
    public static SocItConsole.Admin.Features.Orderers.AppointedOrderers AppointedOrderers(
        TestDatabase database, string userName, TimeProvider? clock = null)
    {
        var time = clock ?? Clock();
        var user = CurrentUserWithAppointments(userName, database, time);
        return new(database, AuditedChange(database, user, time), user, time);
    }

    /// <summary>Registers the orderers feature's service and its "may order" handler for a bunit test.</summary>
    public static IServiceCollection AddOrdererServices(this IServiceCollection services, TestDatabase database, TimeProvider clock)
    {
        services.AddSingleton<Microsoft.EntityFrameworkCore.IDbContextFactory<SocItConsole.Admin.Data.SocItDbContext>>(database);
        services.AddSingleton(clock);
        services.TryAddSingleton<IHttpContextAccessor, HttpContextAccessor>();
        services.TryAddScoped<CurrentUser>();
        services.TryAddSingleton<AuditTrail>();
        services.TryAddSingleton(typeof(Microsoft.Extensions.Logging.ILogger<>), typeof(NullLogger<>));
        services.TryAddScoped<AuditedChange>();
        services.TryAddScoped<SocItConsole.Admin.Features.Orderers.AppointedOrderers>();
        services.AddSingleton<IAuthorizationHandler>(new SocItConsole.Admin.Features.Orderers.AppointedOrdererAuthorization(database, clock, new HttpContextAccessor()));
        return services;
    }

    public static MatrixService MatrixService(TestDatabase database, string userName, TimeProvider? clock = null)
    {
        var time = clock ?? Clock();
        return new MatrixService(
            database,
            CurrentUser(userName),
            new MatrixWriter(new AuditTrail(time), time),
            new NewEmployeeSystemsLookup(database, new SocItConsole.Admin.Features.MasterData.ReferenceDataCache(database), time));
    }

    /// <summary>The audited-change runner, acting as <paramref name="userName"/>.</summary>
    public static AuditedChange AuditedChange(TestDatabase database, string userName, TimeProvider? clock = null) =>
        AuditedChange(database, CurrentUser(userName), clock);

    public static AuditedChange AuditedChange(TestDatabase database, CurrentUser user, TimeProvider? clock = null)
    {
        var time = clock ?? Clock();
        return new AuditedChange(database, user, new AuditTrail(time), time, NullLogger<AuditedChange>.Instance);
    }

    public static SocItConsole.Admin.Features.MasterData.MasterDataService MasterDataService(
        TestDatabase database, string userName, TimeProvider? clock = null) =>
        new(AuditedChange(database, userName, clock));

    public static MatrixImport MatrixImport(TestDatabase database, string userName, TimeProvider? clock = null)
    {
        var time = clock ?? Clock();
        return new MatrixImport(database, CurrentUser(userName), new MatrixWriter(new AuditTrail(time), time), time);
    }

    public static OrderIntake OrderIntake(TestDatabase database, TimeProvider? clock = null) =>
        OrderIntake((Microsoft.EntityFrameworkCore.IDbContextFactory<SocItConsole.Admin.Data.SocItDbContext>)database, clock);

    /// <summary>Order intake over any context factory (a test that counts the statements adds an interceptor).</summary>
    public static OrderIntake OrderIntake(
        Microsoft.EntityFrameworkCore.IDbContextFactory<SocItConsole.Admin.Data.SocItDbContext> database, TimeProvider? clock = null)
    {
        var time = clock ?? Clock();
        var cache = new SocItConsole.Admin.Features.MasterData.ReferenceDataCache(database);
        var lookup = new NewEmployeeSystemsLookup(database, cache, time);
        return new OrderIntake(
            database, lookup, cache, new ChangeOrders(database, lookup), CaseNotices(time), new AuditTrail(time), time,
            NullLogger<OrderIntake>.Instance);
    }

    /// <summary>The case messages' recorder with the default e-mail settings.</summary>
    public static SocItConsole.Admin.Features.CaseMail.CaseNotices CaseNotices(TimeProvider? clock = null)
    {
        var time = clock ?? Clock();
        var settings = Microsoft.Extensions.Options.Options.Create(new SocItConsole.Admin.Infrastructure.Email.EmailSettings());
        var recorder = new SocItConsole.Admin.Features.CaseMail.CaseMessageRecorder(settings, time);
        return new(settings, recorder, new SocItConsole.Admin.Features.Consents.ConsentNotices(settings, recorder));
    }

    public static ChangeOrders ChangeOrders(TestDatabase database, TimeProvider? clock = null) =>
        new(database, new NewEmployeeSystemsLookup(database, new SocItConsole.Admin.Features.MasterData.ReferenceDataCache(database), clock ?? Clock()));

    public static OrderForm OrderForm(TestDatabase database, string userName, TimeProvider? clock = null) =>
        OrderForm(database, CurrentUser(userName), clock, NullLoggerFactory.Instance);

    /// <summary>The order form as <paramref name="user"/>, logging its security events through <paramref name="loggers"/>.</summary>
    public static OrderForm OrderForm(
        TestDatabase database, CurrentUser user, TimeProvider? clock, Microsoft.Extensions.Logging.ILoggerFactory loggers) =>
        new(database, OrderIntake(database, clock), ChangeOrders(database, clock), user, clock ?? Clock(), loggers);

    /// <summary>A signed-in user who is not one of the demo users, such as a person appointed to order.</summary>
    public static CurrentUser CurrentUser(DevUser user, Microsoft.Extensions.Logging.ILoggerFactory? loggers = null)
    {
        ArgumentNullException.ThrowIfNull(user);
        var authorization = new ServiceCollection().AddLogging().AddAuthorizationCore(Policies.Configure)
            .BuildServiceProvider().GetRequiredService<IAuthorizationService>();
        return new CurrentUser(new FixedAuthenticationState(user.ToPrincipal()), new HttpContextAccessor(), authorization, loggers ?? NullLoggerFactory.Instance);
    }

    public static AuditLog AuditLog(TestDatabase database, string userName) => new(database, CurrentUser(userName));

    /// <summary>Registers the audit feature's service for a bunit test (the user comes from the test's sign-in).</summary>
    public static IServiceCollection AddAuditServices(this IServiceCollection services, TestDatabase database)
    {
        services.AddSingleton<Microsoft.EntityFrameworkCore.IDbContextFactory<SocItConsole.Admin.Data.SocItDbContext>>(database);
        services.AddSingleton<IHttpContextAccessor, HttpContextAccessor>();
        services.AddScoped<CurrentUser>();
        services.AddScoped<AuditLog>();
        return services;
    }

    /// <summary>Registers the matrix feature's services for a bunit test (the user comes from the test's sign-in).</summary>
    public static SocItConsole.Admin.Features.Cases.CaseWork CaseWork(TestDatabase database, string userName, TimeProvider? clock = null)
    {
        var time = clock ?? Clock();
        return new(database, CurrentUser(userName), AuditedChange(database, userName, time), new AuditTrail(time), CaseNotices(time), time);
    }

    /// <summary>The orderer's answers under Mina ärenden, acting as <paramref name="userName"/>.</summary>
    public static CaseAnswers CaseAnswers(TestDatabase database, string userName, TimeProvider? clock = null) =>
        new(AuditedChange(database, userName, clock), CurrentUser(userName), CaseNotices(clock));

    public static SocItConsole.Admin.Features.Cases.CaseList CaseList(TestDatabase database, string userName, TimeProvider? clock = null) =>
        new(database, CurrentUser(userName), clock ?? Clock());

    public static SocItConsole.Admin.Features.People.EmployeeRegister EmployeeRegister(TestDatabase database, string userName, TimeProvider? clock = null)
    {
        var time = clock ?? Clock();
        return new(database, CurrentUser(userName), new AuditTrail(time), AuditedChange(database, userName, time), time);
    }

    public static IServiceCollection AddMatrixServices(this IServiceCollection services, TestDatabase database, TimeProvider clock)
    {
        services.AddSingleton<Microsoft.EntityFrameworkCore.IDbContextFactory<SocItConsole.Admin.Data.SocItDbContext>>(database);
        services.AddSingleton(clock);
        services.AddSingleton<IHttpContextAccessor, HttpContextAccessor>();
        services.AddScoped<CurrentUser>();
        services.AddSingleton<AuditTrail>();
        services.AddScoped<MatrixWriter>();
        services.AddSingleton<SocItConsole.Admin.Features.MasterData.ReferenceDataCache>();
        services.AddScoped<NewEmployeeSystemsLookup>();
        services.AddScoped<MatrixService>();
        services.AddScoped<MatrixImport>();
        return services;
    }

    /// <summary>Registers the orders feature's services (and the matrix lookup they use) for a bunit test.</summary>
    public static IServiceCollection AddOrderServices(this IServiceCollection services, TestDatabase database, TimeProvider clock)
    {
        services.AddMatrixServices(database, clock);
        services.AddSingleton(typeof(Microsoft.Extensions.Logging.ILogger<>), typeof(NullLogger<>));
        services.AddScoped<ChangeOrders>();
        services.AddOptions<SocItConsole.Admin.Infrastructure.Email.EmailSettings>();
        services.AddScoped<SocItConsole.Admin.Features.CaseMail.CaseMessageRecorder>();
        services.AddScoped<SocItConsole.Admin.Features.Consents.ConsentNotices>();
        services.AddScoped<SocItConsole.Admin.Features.CaseMail.CaseNotices>();
        services.AddScoped<OrderIntake>();
        services.AddScoped<OrderForm>();
        services.AddScoped<BatchOrders>();
        services.AddScoped<CaseAnswers>();
        services.AddScoped<AuditedChange>();
        services.AddScoped<GrantOrders>();
        return services;
    }

    /// <summary>Registers the cases feature's services (and the orders services it reads from) for a bunit test.</summary>
    public static IServiceCollection AddCaseServices(this IServiceCollection services, TestDatabase database, TimeProvider clock)
    {
        services.AddFollowUpServices(database, clock);
        services.AddScoped<SocItConsole.Admin.Features.Cases.CaseWork>();
        services.AddScoped<SocItConsole.Admin.Features.Cases.CaseList>();
        services.AddScoped<SocItConsole.Admin.Features.People.EmployeeRegister>();
        services.AddKeyServices();
        services.AddConsentServices();

        // The dashboard's cards: the reconciliation with HR and the review.
        services.TryAddScoped<SocItConsole.Admin.Features.Hr.HrFindings>();
        services.TryAddScoped<SocItConsole.Admin.Features.Reviews.ReviewMail>();
        services.TryAddScoped<SocItConsole.Admin.Features.Reviews.ReviewRounds>();
        return services;
    }

    /// <summary>The consent feature's services (over the case and order services already registered), for a bunit test.</summary>
    public static IServiceCollection AddConsentServices(this IServiceCollection services)
    {
        services.TryAddScoped<SocItConsole.Admin.Features.Consents.ConsentService>();
        services.TryAddScoped<SocItConsole.Admin.Features.Consents.ApprovalsChanged>();
        return services;
    }

    /// <summary>The case page's services: the same as the cases feature's.</summary>
    public static IServiceCollection AddCasePageServices(this IServiceCollection services, TestDatabase database, TimeProvider clock) =>
        services.AddCaseServices(database, clock);

    public static SocItConsole.Admin.Features.FollowUps.FollowUpRun FollowUpRun(
        TestDatabase database, SocItConsole.Admin.Infrastructure.Email.IMailSender sender, TimeProvider clock,
        SocItConsole.Admin.Features.FollowUps.FollowUpOptions? options = null) =>
        new(database, sender, new AuditTrail(clock),
            Microsoft.Extensions.Options.Options.Create(options ?? new SocItConsole.Admin.Features.FollowUps.FollowUpOptions()),
            Microsoft.Extensions.Options.Options.Create(EmailSettings()), clock,
            NullLogger<SocItConsole.Admin.Features.FollowUps.FollowUpRun>.Instance);

    /// <summary>The job runner and its lease over <paramref name="database"/>, on <paramref name="clock"/>.</summary>
    public static SocItConsole.Admin.Infrastructure.Jobs.JobRunner JobRunner(TestDatabase database, TimeProvider clock) =>
        new(new SocItConsole.Admin.Infrastructure.Jobs.JobLeases(database, clock), clock,
            NullLogger<SocItConsole.Admin.Infrastructure.Jobs.JobRunner>.Instance);

    public static SocItConsole.Admin.Infrastructure.Email.EmailSettings EmailSettings() => new()
    {
        PublicBaseUrl = "https://socit.falkenberg.example",
        FromAddress = "soc-it@kommun.example",
    };

    public static SocItConsole.Admin.Features.FollowUps.FollowUpService FollowUpService(
        TestDatabase database, string userName, TimeProvider? clock = null)
    {
        var time = clock ?? Clock();
        return new(database, GrantOrders(database, time), CurrentUser(userName), new AuditTrail(time), time);
    }

    /// <summary>Orders about a grant, as the follow-ups, the access view and the reviews place them.</summary>
    public static GrantOrders GrantOrders(TestDatabase database, TimeProvider? clock = null)
    {
        var time = clock ?? Clock();
        return new(database, OrderIntake(database, time), time);
    }

    /// <summary>Registers the follow-ups feature's services (and the order services they use) for a bunit test.</summary>
    public static IServiceCollection AddFollowUpServices(
        this IServiceCollection services, TestDatabase database, TimeProvider clock,
        SocItConsole.Admin.Infrastructure.Email.IMailSender? sender = null)
    {
        services.AddOrderServices(database, clock);
        services.AddSingleton<SocItConsole.Admin.Infrastructure.Email.IMailSender>(sender ?? new RecordingMailSender());
        services.AddSingleton(Microsoft.Extensions.Options.Options.Create(new SocItConsole.Admin.Features.FollowUps.FollowUpOptions()));
        services.AddSingleton(Microsoft.Extensions.Options.Options.Create(EmailSettings()));
        services.AddScoped<SocItConsole.Admin.Features.FollowUps.FollowUpRun>();
        services.AddSingleton<SocItConsole.Admin.Infrastructure.Jobs.JobLeases>();
        services.AddSingleton<SocItConsole.Admin.Infrastructure.Jobs.JobRunner>();
        services.AddScoped<SocItConsole.Admin.Features.FollowUps.FollowUpService>();
        services.AddScoped<SocItConsole.Admin.Features.FollowUps.Outbox>();
        return services;
    }

    public static SocItConsole.Admin.Features.Grants.UnitGrants UnitGrants(
        TestDatabase database, string userName, TimeProvider? clock = null)
    {
        var time = clock ?? Clock();
        return new(database, GrantOrders(database, time), CurrentUser(userName), new AuditTrail(time), time);
    }

    /// <summary>Registers the access view's service (and the order and follow-up services it uses) for a bunit test.</summary>
    public static IServiceCollection AddGrantsServices(this IServiceCollection services, TestDatabase database, TimeProvider clock)
    {
        services.AddFollowUpServices(database, clock);
        services.AddScoped<SocItConsole.Admin.Features.Grants.UnitGrants>();
        return services;
    }

    private sealed class FixedAuthenticationState(ClaimsPrincipal user) : AuthenticationStateProvider
    {
        public override Task<AuthenticationState> GetAuthenticationStateAsync() => Task.FromResult(new AuthenticationState(user));
    }
}
