using Competition.Engine.Rankings;
using Competition.Web.Common;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Competition.Web.Pages.Results;

/// <summary>The page a certificate's QR code opens: public, no sign-in, for a phone. An unknown code is a 404 that says so.</summary>
[AllowAnonymous]
public sealed class VerifyModel(IMediator mediator) : EnginePageModel
{
    public VerifyCertificate.Result? Certificate { get; private set; }
    public string Code { get; private set; } = "";

    public Task<IActionResult> OnGetAsync(string code) => RunAsync(async () =>
    {
        Code = code;
        Certificate = await mediator.Send(new VerifyCertificate.Query(code));
        return Page();
    });
}
