/**
 * A clinic's public page (`/c/SLUG`): who they are, where, when they are open, what they offer at
 * what price, who treats, the policies, and a Book button into online booking. Anyone may read it.
 */
import { useParams } from "react-router";
import type { PublicClinic } from "../clinic/api";
import { Alert, ButtonLink, Card, Loading } from "../ui/components";
import styles from "./ClinicPage.module.css";
import { priceText, telHref, usePublicClinic, weekdayName } from "./clinic-data";

const DEFAULT_FIRST_VISIT =
  "Your first visit starts with a consultation: your therapist goes through your health questionnaire, asks where and when it hurts, and checks the muscles that commonly cause pain there.";

export function bookPath(slug: string): string {
  return `/c/${encodeURIComponent(slug)}/book`;
}

function Paragraphs({ text }: { text: string }) {
  return (
    <>
      {text
        .split(/\n{2,}/)
        .filter(Boolean)
        .map((para) => (
          <p key={para} className={styles.prose}>
            {para}
          </p>
        ))}
    </>
  );
}

function Contact({ clinic }: { clinic: PublicClinic }) {
  return (
    <address className={styles.contact}>
      {clinic.address ? <p className={styles.prose}>{clinic.address}</p> : null}
      {clinic.phone ? (
        <p>
          <a href={telHref(clinic.phone)}>{clinic.phone}</a>
        </p>
      ) : null}
      {clinic.email ? (
        <p>
          <a href={`mailto:${clinic.email}`}>{clinic.email}</a>
        </p>
      ) : null}
    </address>
  );
}

function OpeningHours({ clinic }: { clinic: PublicClinic }) {
  if (clinic.openingHours.length === 0) return <p className="kw-muted">Opening hours on request.</p>;
  return (
    <table className={styles.hours}>
      <caption className="kw-visually-hidden">Opening hours</caption>
      <tbody>
        {clinic.openingHours.map((day) => (
          <tr key={day.weekday}>
            <th scope="row">{weekdayName(day.weekday)}</th>
            <td>
              {day.intervals.map((i, index) => (
                <span key={i.start} className={styles.interval}>
                  {index > 0 ? ", " : null}
                  {i.start}–{i.end}
                </span>
              ))}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function Services({ clinic }: { clinic: PublicClinic }) {
  if (clinic.services.length === 0)
    return (
      <p className="kw-muted">Services are booked by phone{clinic.phone ? ` on ${clinic.phone}` : ""}.</p>
    );
  return (
    <ul className={styles.services}>
      {clinic.services.map((s) => {
        const price = priceText(s.priceCents, s.currency);
        return (
          <li key={s.id}>
            <div className={styles.serviceHead}>
              <h3>{s.name}</h3>
              <span className={styles.serviceFacts}>
                {s.durationMin} min{price ? ` · ${price}` : ""}
              </span>
            </div>
            {s.description ? <p className="kw-muted">{s.description}</p> : null}
            {s.bookingMode === "request" ? (
              <p className={styles.note}>You request a time; the clinic confirms it.</p>
            ) : null}
          </li>
        );
      })}
    </ul>
  );
}

function Therapists({ clinic }: { clinic: PublicClinic }) {
  return (
    <ul className={styles.therapists}>
      {clinic.therapists.map((t) => (
        <li key={t.id}>
          <h3>{t.displayName}</h3>
          {t.bio ? <p className="kw-muted">{t.bio}</p> : null}
        </li>
      ))}
    </ul>
  );
}

function Policies({ clinic }: { clinic: PublicClinic }) {
  const hours = clinic.policies.cancellationWindowHours;
  return (
    <div className="kw-stack">
      <section>
        <h3 className={styles.subhead}>Your first visit</h3>
        <Paragraphs text={clinic.firstVisitInfo || DEFAULT_FIRST_VISIT} />
      </section>
      <section>
        <h3 className={styles.subhead}>Cancelling</h3>
        {clinic.cancellationPolicy ? <Paragraphs text={clinic.cancellationPolicy} /> : null}
        <p className={styles.prose}>
          {hours > 0
            ? `You can cancel or move a booking online until ${hours} hours before it starts; after that, please call.`
            : "You can cancel or move a booking online until it starts."}
        </p>
      </section>
    </div>
  );
}

export function ClinicProfile({ clinic }: { clinic: PublicClinic }) {
  const book = bookPath(clinic.slug);
  return (
    <article className={styles.page}>
      <header className={styles.hero}>
        <div className="kw-stack">
          {clinic.logoUrl ? (
            <img className={styles.logo} src={clinic.logoUrl} alt={`${clinic.name} logo`} />
          ) : null}
          <p className="kw-eyebrow">Trigger point therapy</p>
          <h1>{clinic.name}</h1>
          {clinic.description ? <p className={styles.lead}>{clinic.description}</p> : null}
          <div className="kw-row">
            <ButtonLink to={book} className={`kw-button kw-button--primary ${styles.book}`}>
              Book an appointment
            </ButtonLink>
            {clinic.phone ? (
              <a className="kw-button kw-button--secondary" href={telHref(clinic.phone)}>
                Call {clinic.phone}
              </a>
            ) : null}
          </div>
        </div>
        <Card title="Visit us">
          <div className="kw-stack">
            <Contact clinic={clinic} />
            <OpeningHours clinic={clinic} />
            <p className="kw-muted">Times are the clinic's local time.</p>
          </div>
        </Card>
      </header>
      <div className={styles.columns}>
        <Card title="Treatments and prices">
          <Services clinic={clinic} />
        </Card>
        <div className="kw-stack">
          <Card title="Therapists">
            <Therapists clinic={clinic} />
          </Card>
          <Card title="Before you book">
            <Policies clinic={clinic} />
          </Card>
        </div>
      </div>
      <div className={styles.footerBook}>
        <ButtonLink to={book}>Book an appointment</ButtonLink>
      </div>
    </article>
  );
}

export default function ClinicPage() {
  const { slug = "" } = useParams();
  const result = usePublicClinic(slug);
  if (result.state === "loading") return <Loading />;
  if (result.state === "missing") return <Alert tone="warning">We couldn't find that clinic.</Alert>;
  if (result.state === "error") return <Alert tone="danger">{result.message}</Alert>;
  return <ClinicProfile clinic={result.clinic} />;
}
