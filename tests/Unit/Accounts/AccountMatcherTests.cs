using AwsSession.Accounts;
using AwsSession.Domain;
using static AwsSession.Tests.Unit.Accounts.PoseFakes;

namespace AwsSession.Tests.Unit.Accounts;

public class AccountMatcherTests
{
    private static readonly Account[] Org =
    [
        Acct("prod", "111111111111"),
        Acct("prod-eu", "222222222222"),
        Acct("staging", "333333333333"),
        Acct("Sandbox", "334444444444"),
        Acct("legacy", "555555555555", "SUSPENDED"),
        Acct("logs", "666666666666"),
    ];

    [Theory]
    [InlineData("prod", "111111111111")]
    [InlineData("PROD", "111111111111")]
    [InlineData("sandbox", "334444444444")]
    [InlineData("prod-EU", "222222222222")]
    public void An_exact_name_wins_case_insensitively_even_when_it_is_also_a_prefix(string query, string id) =>
        AccountMatcher.Match(query, Org).ShouldBeOfType<Matched>().Account.Id.ShouldBe(id);

    [Theory]
    [InlineData("stag", "333333333333")]
    [InlineData("SAND", "334444444444")]
    [InlineData("prod-", "222222222222")]
    [InlineData("6666", "666666666666")]
    [InlineData("3333", "333333333333")]
    public void A_unique_prefix_of_a_name_or_an_id_matches(string query, string id) =>
        AccountMatcher.Match(query, Org).ShouldBeOfType<Matched>().Account.Id.ShouldBe(id);

    [Theory]
    [InlineData("pro", 2)]
    [InlineData("s", 2)]
    [InlineData("33", 2)]
    public void A_prefix_of_several_is_ambiguous_and_lists_them(string query, int count) =>
        AccountMatcher.Match(query, Org).ShouldBeOfType<Ambiguous>().Candidates.Count.ShouldBe(count);

    [Fact]
    public void Two_accounts_with_the_same_name_are_ambiguous_not_a_guess()
    {
        var twins = new[] { Acct("dev", "111111111111"), Acct("DEV", "222222222222") };
        AccountMatcher.Match("dev", twins).ShouldBeOfType<Ambiguous>().Candidates.Count.ShouldBe(2);
    }

    [Fact]
    public void No_match_names_the_closest_accounts()
    {
        var none = AccountMatcher.Match("prdo", Org).ShouldBeOfType<NotFound>();
        none.Closest.ShouldNotBeEmpty();
        none.Closest[0].Name.ShouldBe("prod");
        none.Closest.Count.ShouldBeLessThanOrEqualTo(3);
    }

    [Fact]
    public void Names_containing_the_query_come_first_among_the_closest() =>
        AccountMatcher.Match("eu-prod", [Acct("prod-eu", "1"), Acct("eu", "2"), Acct("zzzzzzz", "3")])
            .ShouldBeOfType<NotFound>().Closest[0].Name.ShouldBe("eu");

    [Theory]
    [InlineData("legacy")]
    [InlineData("leg")]
    [InlineData("555555555555")]
    public void Inactive_accounts_are_never_candidates(string query)
    {
        var result = AccountMatcher.Match(query, Org);
        result.ShouldBeOfType<NotFound>().Closest.ShouldNotContain(a => a.Name == "legacy");
    }

    [Fact]
    public void A_prefix_shared_with_an_inactive_account_is_unique_among_active_ones() =>
        AccountMatcher.Match("l", Org).ShouldBeOfType<Matched>().Account.Name.ShouldBe("logs");

    [Fact]
    public void An_empty_organization_matches_nothing_and_suggests_nothing() =>
        AccountMatcher.Match("prod", []).ShouldBeOfType<NotFound>().Closest.ShouldBeEmpty();

    [Theory]
    [InlineData("", "", 0)]
    [InlineData("prod", "prod", 0)]
    [InlineData("prod", "prdo", 2)]
    [InlineData("kitten", "sitting", 3)]
    public void Edit_distance(string a, string b, int d) => AccountMatcher.Distance(a, b).ShouldBe(d);
}
