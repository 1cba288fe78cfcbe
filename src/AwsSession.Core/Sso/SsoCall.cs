using AwsSession.Config;

namespace AwsSession.Sso;

/// <summary>A portal call with the sign-in's token; a refused token leads to one new sign-in and one more try.</summary>
public static class SsoCall
{
    public static async Task<T> WithTokenAsync<T>(SsoTokenProvider tokens, SsoSessionConfig session, Func<string, Task<T>> call, CancellationToken ct)
    {
        var token = await tokens.GetAsync(session, null, ct);
        try
        {
            return await call(token.AccessToken);
        }
        catch (SsoTokenRejectedException)
        {
            token = await tokens.GetAsync(session, token.AccessToken, ct);
            return await call(token.AccessToken);
        }
    }
}
