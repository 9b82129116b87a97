export function EmptyFleet({ where }: { where: string }) {
  return (
    <section aria-labelledby="empty-fleet-title" className="rounded-lg border border-slate-200 bg-white p-5">
      <h2 className="text-lg font-semibold text-slate-900" id="empty-fleet-title">
        No DB instances
      </h2>
      <p className="mt-2 text-slate-700">The RDS API for {where} lists no DB instances.</p>
    </section>
  );
}
