using AwsSession.Front;
using AwsSession.Platform;

// Before anything reads a secret into memory.
CoreDumps.Disable();
// Always: a hand-off passes the signal state on to the complete tool, as plain exec does to the command.
InheritedState.Capture();
return await Front.RunAsync(args);
