namespace CityExchange.Web.Accounts;

/// <summary>Marker for the account feature's service messages: Resources/Accounts/AccountText.zh-CN.resx (keys are the English text).</summary>
public sealed class AccountText;
