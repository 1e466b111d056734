using Competition.Engine.QuestionBank;
using Competition.Web.Common;
using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Competition.Web.Pages.QuestionBank;

[RequestSizeLimit(64L * 1024 * 1024)]
public sealed class ImportModel(IMediator mediator) : PageModel
{
    [BindProperty] public string? Trade { get; set; }
    public IReadOnlyList<ListTrades.Row> Trades { get; private set; } = [];
    public ImportBank.Result? Outcome { get; private set; }

    public async Task OnGetAsync() => Trades = await mediator.Send(new ListTrades.Query());

    public async Task<IActionResult> OnPostAsync(IFormFile? upload)
    {
        Trades = await mediator.Send(new ListTrades.Query());
        if (upload is null)
        {
            Outcome = ImportBank.Result.Refused([new(0, "文件", "没有收到文件，请选择 .xlsx 或 .csv 文件")]);
            return Page();
        }
        await using var stream = upload.OpenReadStream();
        Outcome = await mediator.Send(new ImportBank.Command(stream, upload.FileName, upload.Length, Trade, User.ToActor()));
        return Page();
    }
}
