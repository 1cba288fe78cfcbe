using AwsSession.Secrets;

namespace AwsSession.Tests.Unit.Secrets;

public sealed class KeychainDumpTests
{
    [Fact]
    public void Only_items_of_the_aws_session_service_are_listed()
    {
        const string dump = """
            keychain: "/Users/a/Library/Keychains/login.keychain-db"
            class: "genp"
            attributes:
                "acct"<blob>="work"
                "svce"<blob>="aws-session"
            keychain: "/Users/a/Library/Keychains/login.keychain-db"
            class: "genp"
            attributes:
                "acct"<blob>="mail"
                "svce"<blob>="other-app"
            """;

        KeychainStore.Accounts(dump).ShouldBe(["work"]);
    }
}
