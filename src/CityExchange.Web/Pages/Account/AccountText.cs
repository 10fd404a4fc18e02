namespace CityExchange.Web.Pages.Account;

/// <summary>Marker for the account feature's service messages: Resources/Pages/Account/AccountText.zh-CN.resx (keys are the English text).</summary>
public sealed class AccountText;
