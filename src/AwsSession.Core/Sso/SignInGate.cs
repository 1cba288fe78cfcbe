namespace AwsSession.Sso;

/// <summary>
/// Whether an interactive Identity Center sign-in may start in this process. `exec --server` closes it once the
/// child runs: a refresh behind the child may use the token and its refresh token, never open a browser.
/// </summary>
public sealed class SignInGate
{
    public bool IsOpen { get; private set; } = true;

    public void Close() => IsOpen = false;
}
