using AwsSession.Domain;
using AwsSession.Secrets;

namespace AwsSession.Tests.Unit.Secrets;

/// <summary>A store files keys only under names that are safe as a file name, a pass path, a D-Bus attribute and a keychain account.</summary>
public sealed class StoreNamesTests
{
    [Theory]
    [InlineData("default")]
    [InlineData("prod.eu-west-1")]
    [InlineData("a")]
    [InlineData("_x@y+z-1")]
    [InlineData("0123456789012345678901234567890123456789012345678901234567890123")]
    public void Letters_digits_and_dot_underscore_at_plus_hyphen_are_a_store_name(string name) => StoreNames.Profile(name).ShouldBe(name);

    [Theory]
    [InlineData("")]
    [InlineData(".hidden")]
    [InlineData("../etc")]
    [InlineData("a/b")]
    [InlineData("with space")]
    [InlineData("new\nline")]
    [InlineData("ünï")]
    [InlineData("01234567890123456789012345678901234567890123456789012345678901234")]
    public void Anything_else_is_refused_with_the_characters_it_may_use(string name) =>
        Should.Throw<UsageException>(() => StoreNames.Profile(name)).Message.ShouldContain("cannot be used with a secret store");
}
