using AwsSession.Cli;
using AwsSession.Platform;

// Before anything reads a secret into memory.
CoreDumps.Disable();
return await App.RunAsync(args, AppContextFactory.FromProcess);
