using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SocItConsole.Shared.Common;

namespace SocItConsole.Admin.Data.Configurations;

internal static class EmailAddressConversion
{
    public static PropertyBuilder<EmailAddress> IsEmailAddress(this PropertyBuilder<EmailAddress> property) =>
        property
            .HasConversion(email => email.Value, value => EmailAddress.Parse(value))
            .HasMaxLength(EmailAddress.MaxLength);
}
