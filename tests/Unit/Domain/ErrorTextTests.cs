using AwsSession.Domain;

namespace AwsSession.Tests.Unit.Domain;

public class ErrorTextTests
{
    [Fact]
    public void Aws_text_that_echoes_the_signed_request_is_cut_before_the_echo()
    {
        const string aws = "The request signature we calculated does not match the signature you provided. The Canonical String for this request should have been\n'POST\n/\n\nx-amz-security-token:FwoGZXIvYXdzSECRETTOKEN'";

        var text = ErrorText.Outside(aws);

        text.ShouldNotContain("SECRETTOKEN");
        text.ShouldStartWith("The request signature we calculated does not match the signature you provided.");
        text.ShouldNotContain("\n");
    }

    [Fact]
    public void A_response_body_quoted_by_the_sdk_is_not_passed_on()
    {
        ErrorText.Outside("Error unmarshalling response back from AWS. Response Body: <SecretAccessKey>wJalrSECRET</SecretAccessKey>").ShouldNotContain("wJalrSECRET");
    }

    [Fact]
    public void Outside_text_is_one_bounded_printable_line()
    {
        var text = ErrorText.Outside("a\u001b[31mb\n" + new string('x', 1000));

        text.Length.ShouldBeLessThanOrEqualTo(300);
        text.ShouldNotContain("\u001b");
        text.ShouldNotContain("\n");
    }

    [Fact]
    public void An_unexpected_exception_shows_its_type_and_never_its_message_even_in_the_trace()
    {
        Exception e;
        try
        {
            throw new AwsSessionException("STS GetSessionToken failed", inner: new InvalidDataException("Line 3:<aws_secret_access_key: SECRET> in file x"));
        }
        catch (AwsSessionException caught)
        {
            e = caught;
        }

        ErrorText.Unexpected(e.InnerException!).ShouldBe("InvalidDataException");
        var trace = ErrorText.Trace(e);
        trace.ShouldContain("STS GetSessionToken failed");
        trace.ShouldContain("System.IO.InvalidDataException");
        trace.ShouldNotContain("SECRET");
    }
}
