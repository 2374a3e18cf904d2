using SocItConsole.Shared.Audit;
using SocItConsole.Shared.Common;
using SocItConsole.Shared.MasterData;
using SocItConsole.Shared.Orderers;

namespace SocItConsole.Admin.Tests.Shared.Orderers;

/// <summary>An appointment's days, where it stands on a day, ending it, and which periods overlap.</summary>
public class AppointedOrdererTests
{
    private static readonly DateOnly Today = new(2026, 11, 27);
    private static readonly Actor By = new("chef1", "Anna Lindqvist");
    private static readonly DateTimeOffset At = new(2026, 11, 27, 9, 0, 0, TimeSpan.Zero);

    private static AppointedOrderer Make(int from, int? to) => new(
        1, "Hemtjänst Centrum", new Contact("Frida Nyman", EmailAddress.Parse("frida.nyman@kommun.example")),
        Today.AddDays(from), to is { } t ? Today.AddDays(t) : null, By, At);

    [Theory]
    [InlineData(-30, null, true, false, AppointmentStatus.Current)]
    [InlineData(-30, 0, true, false, AppointmentStatus.Current)]
    [InlineData(-30, -1, false, true, AppointmentStatus.Ended)]
    [InlineData(0, 0, true, false, AppointmentStatus.Current)]
    [InlineData(1, 30, false, false, AppointmentStatus.Coming)]
    [InlineData(1, null, false, false, AppointmentStatus.Coming)]
    public void OnToday_ValidityEndAndStatus(int from, int? to, bool valid, bool ended, AppointmentStatus status)
    {
        var appointment = Make(from, to);

        Assert.Equal((valid, ended, status),
            (appointment.IsValidOn(Today), appointment.HasEndedBy(Today), AppointmentRules.StatusOn(appointment, Today)));
    }

    [Theory]
    [InlineData(-30, null)]
    [InlineData(-30, 0)]
    [InlineData(-30, -1)]
    [InlineData(0, 0)]
    [InlineData(1, 30)]
    [InlineData(1, null)]
    [InlineData(5, 4)]
    public void TheQueryForms_SayWhatTheRulesSay(int from, int? to)
    {
        // A withdrawn appointment (ended before it began) ends the day before its first; the constructor refuses it.
        var appointment = to < from ? Withdrawn(from) : Make(from, to);
        var status = AppointmentRules.StatusOn(appointment, Today);

        Assert.Equal(appointment.IsValidOn(Today), AppointedOrderer.ValidOn(Today).Compile()(appointment));
        Assert.Equal(status != AppointmentStatus.Ended, AppointedOrderer.CurrentOrComingOn(Today).Compile()(appointment));
        Assert.Equal(status == AppointmentStatus.Ended, AppointedOrderer.EndedBy(Today).Compile()(appointment));
    }

    private static AppointedOrderer Withdrawn(int from)
    {
        var appointment = Make(from, null);
        appointment.End(Today, Today, By, At);
        return appointment;
    }

    [Fact]
    public void ALastDayBeforeTheFirst_IsRefused()
    {
        var refused = Assert.Throws<DomainException>(() => Make(5, 4));

        Assert.Equal("Sista dagen kan inte vara före första dagen.", refused.Message);
    }

    [Fact]
    public void EndedEarly_AtOnce_IsNotValidToday_AndSaysWhoEndedIt()
    {
        var appointment = Make(-30, 60);

        appointment.End(Today.AddDays(-1), Today, By, At);

        Assert.False(appointment.IsValidOn(Today));
        Assert.True(appointment.IsValidOn(Today.AddDays(-1)));
        Assert.Equal(AppointmentStatus.Ended, AppointmentRules.StatusOn(appointment, Today));
        Assert.Equal(("Anna Lindqvist", (DateTimeOffset?)At), (appointment.EndedByName, appointment.EndedAt));
    }

    [Fact]
    public void EndedBeforeItBegan_IsWithdrawn_AndGivesNoDay()
    {
        var appointment = Make(10, null);

        appointment.End(Today.AddDays(-1), Today, By, At);

        Assert.False(AppointmentRules.HasDays(appointment));
        Assert.Equal(AppointmentStatus.Ended, AppointmentRules.StatusOn(appointment, Today));
        Assert.False(appointment.IsValidOn(Today.AddDays(10)));
        Assert.False(AppointmentRules.Overlaps(appointment, Today, null));
    }

    [Fact]
    public void Ending_AnAppointmentThatHasRunItsCourse_IsRefused()
    {
        var appointment = Make(-30, -2);

        Assert.Throws<DomainException>(() => appointment.End(Today, Today, By, At));
    }

    [Theory]
    [InlineData(-30, null, 10, null, true)]
    [InlineData(-30, 5, 5, null, true)]
    [InlineData(-30, 5, 6, null, false)]
    [InlineData(10, 20, 0, 9, false)]
    [InlineData(10, 20, 0, 10, true)]
    [InlineData(10, null, 0, null, true)]
    [InlineData(-30, -1, 0, null, false)]
    public void Overlaps_WhenThePeriodsShareADay(int from, int? to, int newFrom, int? newTo, bool overlaps)
    {
        var appointment = Make(from, to);

        Assert.Equal(overlaps, AppointmentRules.Overlaps(
            appointment, Today.AddDays(newFrom), newTo is { } t ? Today.AddDays(t) : null));
    }
}
