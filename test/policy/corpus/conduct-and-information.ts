import type { CorpusItem } from "./types.js";

/** Reports whose methods a policy forbids: flagged for a human, never judged. */
export const conductReports: CorpusItem[] = [
  {
    name: "Phishing the helpdesk",
    lang: "en",
    title: "Helpdesk resets passwords without verification",
    body: `I called your helpdesk pretending to be a customer and asked them to reset the password of the account of a colleague who agreed to the test. They reset it after I gave only a name and postcode. The customer portal is https://portal.openworx.nl.

Steps to reproduce: call the support number and ask for a reset.`,
    conduct: ["social-engineering"],
  },
  {
    name: "Social engineering Dutch",
    lang: "nl",
    title: "Social engineering via klantenservice",
    body: `Ik belde de klantenservice en deed me voor als medewerker van IT. Zo kreeg ik het wachtwoord van een testaccount op https://portal.openworx.nl te horen. Stappen: bel de klantenservice en vraag naar een wachtwoordreset namens IT. Dit is een vorm van social engineering.`,
    conduct: ["social-engineering"],
  },
  {
    name: "Tailgating",
    lang: "en",
    title: "Unlocked workstation in your office",
    body: `I tailgated an employee into your office building and found an unlocked workstation logged in to https://portal.openworx.nl/admin. Anyone entering the building can do the same.

Steps to reproduce: enter the building behind an employee at 8:30.`,
    conduct: ["physical-attack"],
  },
  {
    name: "USB drop",
    lang: "en",
    title: "Malicious USB devices are executed by staff",
    body: `As a physical security test I dropped a USB stick in your parking lot; it beaconed to my server from a machine that then opened https://portal.openworx.nl/intranet. This shows staff plug in unknown devices.

Steps to reproduce: repeat the USB drop.`,
    conduct: ["physical-attack"],
  },
  {
    name: "DDoS test",
    lang: "en",
    title: "Site goes down under load",
    body: `I ran a stress test against https://www.openworx.nl with LOIC and about 5000 requests per second; the site was unreachable for 10 minutes. You should add DDoS protection.

Steps to reproduce: run LOIC against www.openworx.nl.`,
    excluded: ["denial-of-service"],
    conduct: ["ddos"],
  },
  {
    name: "Flooding the API Dutch",
    lang: "nl",
    title: "API valt om bij veel verzoeken",
    body: `Ik heb de API van https://portal.openworx.nl/api gebombardeerd met 2 miljoen verzoeken vanuit 50 servers (DDoS). Daarna gaf de server alleen nog 502 fouten. Stappen: zie script in de bijlage.`,
    excluded: ["denial-of-service"],
    conduct: ["ddos"],
  },
  {
    name: "Spam via contact form",
    lang: "en",
    title: "Contact form can be abused to send email to anyone",
    body: `The contact form at https://www.openworx.nl/contact sends a copy to any address in the "your email" field. To test it I sent 500 emails to a list of addresses I own, so it can be used to spam anyone from your domain.

Steps to reproduce: submit the form with a third party address.`,
    conduct: ["spam"],
  },
  {
    name: "Spammed invitations",
    lang: "en",
    title: "Invitation feature can be used for spam",
    body: `The team invitation at https://portal.openworx.nl/team has no limit. I spammed 200 invitations to mailinator addresses to show the problem.

Steps to reproduce: invite many addresses in a loop using the API.`,
    conduct: ["spam"],
  },
  {
    name: "Third-party chat widget",
    lang: "en",
    title: "Chat widget leaks conversation history",
    body: `The third-party chat widget embedded on https://www.openworx.nl exposes other visitors' conversations through the vendor's API when the conversation id is changed. I tested against the Zendesk API of your account.

Steps to reproduce: open the chat, capture the conversation id and increment it.`,
    conduct: ["third-party-application"],
    scope: "out",
  },
  {
    name: "Payment provider",
    lang: "en",
    title: "Payment status can be forged at your payment provider",
    body: `By replaying the webhook of your payment provider against https://www.openworx.nl/webhooks/payment I could mark an unpaid order as paid. I also tested the payment provider dashboard itself.

Steps to reproduce: capture a webhook for a paid order and replay it with another order id.`,
    conduct: ["third-party-application"],
  },
  {
    name: "Acunetix",
    lang: "en",
    title: "Multiple vulnerabilities found by Acunetix",
    body: `I scanned https://www.openworx.nl with Acunetix and it reported a blind SQL injection in the "sort" parameter of https://www.openworx.nl/nieuws?sort=date.

Steps to reproduce: https://www.openworx.nl/nieuws?sort=date,(select*from(select(sleep(5)))a) takes 5 seconds longer.`,
    conduct: ["automated-scanning"],
  },
  {
    name: "sqlmap dump",
    lang: "en",
    title: "SQL injection in login form, database dumped",
    body: `The username field on https://mijnpartnergroep.nl/login is injectable. I confirmed it with sqlmap and dumped the entire database, which contains 12,000 customer records with names and addresses.

Steps to reproduce: sqlmap -u https://mijnpartnergroep.nl/login --data "user=a&pass=b" --dump`,
    conduct: ["automated-scanning", "excess-data-access"],
  },
  {
    name: "Dutch scanner",
    lang: "nl",
    title: "Kwetsbaarheden gevonden met scanner",
    body: `Met een kwetsbaarhedenscanner (Nessus) heb ik https://mijnpartnergroep.nl gescand. Hij vond een reflected XSS in de parameter zoek op https://mijnpartnergroep.nl/zoeken?zoek=. Stappen: open https://mijnpartnergroep.nl/zoeken?zoek=<script>alert(1)</script>`,
    conduct: ["automated-scanning"],
  },
  {
    name: "Too many records",
    lang: "en",
    title: "IDOR in customer API exposes all customers",
    body: `The endpoint https://mijnpartnergroep.nl/api/klanten/{id} returns any customer's data. To show the impact I downloaded 250 customer records by iterating the id from 1 to 250.

Steps to reproduce: request /api/klanten/1 with your own session.`,
    conduct: ["excess-data-access"],
  },
  {
    name: "Changed another customer's data",
    lang: "en",
    title: "IDOR lets any user edit other customers' addresses",
    body: `The profile endpoint https://mijnpartnergroep.nl/api/profile/{id} accepts PUT for any id. To prove it I changed the delivery address of another customer's profile (id 1002) and then set it back.

Steps to reproduce: send PUT /api/profile/1002 with your own session cookie.`,
    conduct: ["data-modification"],
  },
  {
    name: "Deleted data of other users, Dutch",
    lang: "nl",
    title: "Verwijderen van afspraken zonder autorisatie",
    body: `Op https://mijnzorgpartner.nl/api/afspraken/{id} kan iedere ingelogde gebruiker afspraken verwijderen. Ik heb daarbij gegevens van andere klanten verwijderd om het aan te tonen. Stappen: stuur DELETE naar /api/afspraken/{id} met uw eigen sessie.`,
    conduct: ["data-modification"],
  },
  {
    name: "Dutch excess data",
    lang: "nl",
    title: "Lek in klantenportaal: gegevens van andere klanten opvraagbaar",
    body: `Op https://mijnbouwpartner.nl/api/dossier?id= kun je elk dossiernummer opvragen. Ik heb 40 dossiers opgehaald om te zien hoe ver het ging, daarna ben ik gestopt. Stappen: verander het id in de URL.`,
    conduct: ["excess-data-access"],
  },
  {
    name: "One record is fine",
    lang: "en",
    title: "IDOR on order details",
    body: `https://mijnbouwpartner.nl/api/orders/{id} returns orders of other customers. As your policy asks, I read out only 1 record (order 771) to confirm the issue.

Steps to reproduce: log in and request /api/orders/771.`,
  },
  {
    name: "Nmap port scan",
    lang: "en",
    title: "Exposed admin interface on high port",
    body: `A port scan of your range with nmap found the admin interface of the portal on https://192.0.2.30:8443/admin, which accepts the default credentials admin/admin.

Steps to reproduce: nmap -p- 192.0.2.0/24, then open the URL and log in.`,
    conduct: ["active-network-scanning"],
  },
  {
    name: "Masscan Dutch",
    lang: "nl",
    title: "Onbeveiligde database gevonden",
    body: `Met masscan heb ik jullie netwerk gescand en op 192.0.2.40 een Elasticsearch zonder wachtwoord gevonden met klantgegevens. Stappen: curl http://192.0.2.40:9200/_cat/indices. Ik heb geen documenten gedownload.`,
    conduct: ["active-network-scanning"],
  },
  {
    name: "Did not use scanners",
    lang: "en",
    title: "Stored XSS in support ticket subject",
    body: `The ticket subject on https://portal.openworx.nl/tickets is rendered unescaped for the support agent. I did not use any automated scanners or social engineering; I found this by hand.

Steps to reproduce: create a ticket with the subject <img src=x onerror=alert(1)>.`,
  },
];

/** Reports missing what the policy asks for: the affected system, a description, steps to reproduce. */
export const incompleteReports: CorpusItem[] = [
  {
    name: "Only a title",
    lang: "en",
    title: "XSS on your website",
    body: "",
    missing: ["affected-system", "description", "reproduction"],
    scope: "unknown",
  },
  {
    name: "No URL",
    lang: "en",
    title: "SQL injection in the search form",
    body: `Your search form is vulnerable to SQL injection. When I enter a single quote the page shows a database error from MySQL, and with a UNION SELECT I can read other tables of the application database. Please fix it soon.`,
    missing: ["affected-system"],
    scope: "unknown",
  },
  {
    name: "Bug bounty beg",
    lang: "en",
    title: "Security vulnerability found",
    body: `Hello, I found a critical vulnerability in your website. Do you offer a bug bounty? Reply and I will send details.`,
    missing: ["affected-system", "description", "reproduction"],
    scope: "unknown",
  },
  {
    name: "URL only",
    lang: "en",
    title: "Vulnerability",
    body: "https://portal.openworx.nl/login is vulnerable",
    missing: ["description", "reproduction"],
  },
  {
    name: "Dutch short",
    lang: "nl",
    title: "Lek gevonden",
    body: "Ik heb een lek gevonden op jullie site. Graag contact.",
    missing: ["affected-system", "description", "reproduction"],
    scope: "unknown",
  },
  {
    name: "Dutch no steps",
    lang: "nl",
    title: "Beveiligingsprobleem in klantportaal",
    body: `Er zit een probleem in het klantportaal https://mijnpartnergroep.nl/portaal waardoor je gegevens van anderen kunt zien.`,
    missing: ["reproduction"],
  },
  {
    name: "IP but no description",
    lang: "en",
    title: "Server issue",
    body: "192.0.2.50 has a problem, please check.",
    missing: ["description", "reproduction"],
  },
  {
    name: "Vague without system",
    lang: "en",
    title: "Your login can be bypassed",
    body: `I was able to bypass the login of one of your applications. I would like to know whether this is in scope before sharing the technical details. I have not accessed any data.`,
    missing: ["affected-system", "reproduction"],
    scope: "unknown",
  },
  {
    name: "Long description without steps",
    lang: "en",
    title: "Weak access control in partner portal",
    body: `The partner portal at https://mijnbouwpartner.nl/partners shows the documents of all partners to every logged-in partner. The document list is filtered in the browser only, and the API behind it returns every partner's contracts, price agreements and contact persons. Anyone with a partner account can read the commercial agreements of competitors.`,
  },
  {
    name: "Out of scope host",
    lang: "en",
    title: "Stored XSS on a site you link to",
    body: `The site https://www.partner-shop-example.com/review stores reviews unescaped.

Steps to reproduce: post a review with <script>alert(1)</script>.`,
    scope: "out",
  },
  {
    name: "Customer hosted content",
    lang: "en",
    title: "Malicious file in customer shop",
    body: `A shop hosted on your platform at https://mijnbouwpartner.nl/shops/bakkerij-jansen serves a malicious download. This content is hosted by a customer of yours, but on your domain.

Steps to reproduce: open the shop page and download the "price list".`,
    scope: "out",
  },
  {
    name: "Third-party plugin",
    lang: "en",
    title: "Stored XSS in third-party plug-in",
    body: `The third-party plug-in used for reviews on https://mijnpartnergroep.nl/reviews renders reviews unescaped.

Steps to reproduce: post a review with <img src=x onerror=alert(1)>.`,
    scope: "out",
    conduct: ["third-party-application"],
  },
];
