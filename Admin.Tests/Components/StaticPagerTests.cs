using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using SocItConsole.Admin.Components;
using SocItConsole.Admin.Tests.Infrastructure;

namespace SocItConsole.Admin.Tests.Components;

/// <summary>The static pager (decision 0049): links in the query string, the rest of the address kept.</summary>
public class StaticPagerTests : ComponentTestBase
{
    [Fact]
    public void OnAMiddlePage_LinksBothWays_AndKeepsTheFilters()
    {
        Services.GetRequiredService<NavigationManager>().NavigateTo("/cases?status=Open&page=2");

        var cut = Render<StaticPager>(p => p.Add(x => x.Page, 2).Add(x => x.PageSize, 25).Add(x => x.Total, 60));

        Assert.Equal("26–50 av 60", cut.Find("[data-testid=pager-info]").TextContent);
        Assert.Equal("http://localhost/cases?status=Open&page=3", cut.Find("a.mud-table-pagination-next-button").GetAttribute("href"));
        Assert.Equal("http://localhost/cases?status=Open", cut.Find("a.mud-table-pagination-before-button").GetAttribute("href"));
        Assert.Equal("http://localhost/cases?status=Open&size=50", cut.Find("a[data-testid=page-size-50]").GetAttribute("href"));
        Assert.Equal("25", cut.Find("[aria-current=true]").TextContent);
    }

    [Theory]
    [InlineData(null, 1, new[] { 0 })]
    [InlineData(-3, 1, new[] { 0 })]
    [InlineData(2, 2, new[] { 1 })]
    [InlineData(9, 3, new[] { 8, 2 })]
    public async Task LoadPage_LoadsTheAskedPage_OrTheLastWhenItIsPastTheEnd_AndLoadsTwiceOnlyThen(int? requested, int page, int[] loads)
    {
        var asked = new List<int>();
        var (rows, shown) = await StaticPager.LoadPageAsync(requested, 10, index =>
        {
            asked.Add(index);
            return Task.FromResult((Total: 25, Index: index));
        }, r => r.Total);

        Assert.Equal(page, shown);
        Assert.Equal(page - 1, rows.Index);
        Assert.Equal(loads, asked);
    }

    [Fact]
    public void OnTheOnlyPage_EveryButtonIsDisabled_AndNothingIsALink()
    {
        var cut = Render<StaticPager>(p => p.Add(x => x.Page, 1).Add(x => x.PageSize, 25).Add(x => x.Total, 0));

        Assert.Equal("0–0 av 0", cut.Find("[data-testid=pager-info]").TextContent);
        Assert.Empty(cut.FindAll("a.mud-icon-button"));
        Assert.All(cut.FindAll("button.mud-icon-button"), b => Assert.True(b.HasAttribute("disabled")));
    }

    [Theory]
    [InlineData(0, 25, 1)]
    [InlineData(25, 25, 1)]
    [InlineData(26, 25, 2)]
    [InlineData(101, 50, 3)]
    public void LastPage_IsAtLeastOne(int total, int size, int expected) =>
        Assert.Equal(expected, StaticPager.LastPageOf(total, size));

    [Theory]
    [InlineData(null, 25)]
    [InlineData(50, 50)]
    [InlineData(100, 100)]
    [InlineData(100000, 25)]
    [InlineData(0, 25)]
    public void SizeOf_TakesTheAddresssSize_OnlyIfItIsAnOption(int? requested, int expected) =>
        Assert.Equal(expected, StaticPager.SizeOf(requested, [25, 50, 100]));
}
