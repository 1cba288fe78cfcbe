using AwsSession.Front;
using AwsSession.Platform;

// Before anything reads a secret into memory.
CoreDumps.Disable();
// No InheritedState.Capture here, unlike the complete tool: this executable changes no signal disposition, mask,
// descriptor or terminal setting after the runtime's start-up (it has no console, child or signal handling), so at
// execve it still holds what it was given, but for the runtime's ignored SIGPIPE, which RestoreForExec always puts
// back. Capturing and restoring cost a cached exec about 150 system calls.
return await Front.RunAsync(args);
