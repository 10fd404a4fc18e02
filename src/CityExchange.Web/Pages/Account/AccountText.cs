namespace CityExchange.Web.Pages.Account;

/// <summary>Marker for the account feature's service messages: AccountText.zh-CN.resx beside it (keys are the English text).</summary>
public sealed class AccountText;
