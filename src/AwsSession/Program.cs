using AwsSession.Cli;
using AwsSession.Platform;

// Before anything reads a secret into memory.
CoreDumps.Disable();
// Before the runtime's console and signal handling change them: plain exec hands these on to the command.
if (args.Contains("exec"))
    InheritedState.Capture();
return await App.RunAsync(args, AppContextFactory.FromProcess);
