using AwsSession.Domain;

namespace AwsSession.Tests.Unit.Domain;

public sealed class SessionIdentityTests
{
    [Theory]
    [InlineData("mfa:arn:aws:iam::123456789012:mfa/alice", IdentityKind.Mfa, "arn:aws:iam::123456789012:mfa/alice")]
    [InlineData("role:arn:aws:iam::123456789012:role/Admin", IdentityKind.Role, "arn:aws:iam::123456789012:role/Admin")]
    [InlineData("user:arn:aws:iam::123456789012:user/bob", IdentityKind.User, "arn:aws:iam::123456789012:user/bob")]
    [InlineData("keys:default", IdentityKind.Keys, "default")]
    [InlineData("env-session", IdentityKind.Unverified, "env-session")]
    [InlineData("set-by-hand", IdentityKind.Other, "set-by-hand")]
    [InlineData("", IdentityKind.Other, "")]
    public void The_marker_parses_to_its_kind_and_formats_back_unchanged(string text, IdentityKind kind, string name)
    {
        var identity = SessionIdentity.Parse(text);

        identity.ShouldBe(new SessionIdentity(kind, name));
        identity.ToString().ShouldBe(text);
    }
}
