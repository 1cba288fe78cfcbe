using AwsSession.Domain;
using AwsSession.Secrets;

namespace AwsSession.Tests.Unit.Secrets;

public sealed class BackendsTests
{
    [Fact]
    public void The_flag_beats_the_variable_which_beats_the_profiles_config_key_which_beats_plaintext()
    {
        using var world = new KeyWorld(env: ("AWS_SESSION_BACKEND", "pass"));
        Directory.CreateDirectory(Path.GetDirectoryName(world.ConfigPath)!);
        File.WriteAllText(world.ConfigPath, "[profile work]\naws_session_backend = file\n");
        var backends = world.Context.Backends;

        backends.For("work", "keychain").ShouldBe("keychain");
        backends.For("work", null).ShouldBe("pass");
        new Backends(new(new Dictionary<string, string> { ["HOME"] = world.Home }), () => null!).For("work", null).ShouldBe("file");
        new Backends(new(new Dictionary<string, string> { ["HOME"] = world.Home }), () => null!).For("other", null).ShouldBe("plaintext");
    }

    [Fact]
    public void Add_without_a_choice_uses_the_secret_service_with_a_session_bus_and_the_file_store_without()
    {
        using var bus = new KeyWorld(env: ("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent"));
        using var none = new KeyWorld();

        bus.Context.Backends.ForAdd("default", null).ShouldBe(OperatingSystem.IsMacOS() ? "keychain" : "secret-service");
        none.Context.Backends.ForAdd("default", null).ShouldBe(OperatingSystem.IsMacOS() ? "keychain" : "file");
    }

    [Fact]
    public void An_unknown_backend_is_a_usage_error_naming_the_choices()
    {
        using var world = new KeyWorld();

        var e = Should.Throw<UsageException>(() => world.Context.Backends.For("default", "vault"));

        e.Line.ShouldContain("secret-service, pass, file, keychain, plaintext");
    }
}
