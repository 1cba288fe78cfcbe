using System.Runtime.CompilerServices;
using Amazon;
using Amazon.Runtime.CredentialManagement;
using Amazon.Runtime.Internal;

namespace AwsSession.Aws;

/// <summary>
/// AWSSDK.Core reads the user's ~/.aws files on its own, with its own INI parser, the first time a client or the signer
/// asks for a setting. aws-session has read them already (Config/), and the SDK must not: its parser rejects lines that
/// botocore and aws-session read (a header's trailing comment, a continuation line without `=`), and it fails in a type
/// initializer, which breaks every AWS call of the process; its profile settings (use_fips_endpoint, retry_mode, ...)
/// would also change calls behind the resolved config's back. So before the SDK is first used, every path it reads
/// profiles from points under a device file, where no file can exist.
/// </summary>
internal static class SdkIsolation
{
    private static readonly string Nowhere = OperatingSystem.IsWindows() ? @"\\.\NUL" : "/dev/null";
    private static readonly Lock Gate = new();
    private static bool _isolated;

    /// <summary>Call before building any SDK client, config or signer.</summary>
    public static void Ensure()
    {
        lock (Gate)
        {
            if (_isolated)
                return;
            // The credentials file, and the config file the SDK looks for beside it.
            AWSConfigs.AWSProfilesLocation = Path.Combine(Nowhere, "credentials");
            // The SDK's default paths are computed once, from these variables, by the static constructors run here; with
            // AWS_CONFIG_FILE set it reads that default config path on every refresh. The process's environment is what
            // aws-session itself reads (and children inherit), so it differs only while the two constructors run.
            string[] names = ["AWS_CONFIG_FILE", "AWS_SHARED_CREDENTIALS_FILE", "HOME", "USERPROFILE"];
            var saved = new string?[names.Length];
            for (var i = 0; i < names.Length; i++)
                saved[i] = Environment.GetEnvironmentVariable(names[i]);
            try
            {
                for (var i = 0; i < names.Length; i++)
                    Environment.SetEnvironmentVariable(names[i], names[i] is "HOME" or "USERPROFILE" ? Nowhere : null);
                RuntimeHelpers.RunClassConstructor(typeof(SharedCredentialsFile).TypeHandle);
                RuntimeHelpers.RunClassConstructor(typeof(FallbackInternalConfigurationFactory).TypeHandle);
            }
            finally
            {
                for (var i = 0; i < names.Length; i++)
                    Environment.SetEnvironmentVariable(names[i], saved[i]);
            }
            _isolated = true;
        }
    }
}
