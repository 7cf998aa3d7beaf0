# Pathways — español. Cada clave debe existir también en en/main.ftl (una prueba lo comprueba).

## Marco de la página
skip-to-content = Saltar al contenido principal
crisis-label = Líneas de crisis
crisis-lead = ¿Necesita ayuda ahora? Gratis y confidencial, las 24 horas:
crisis-call-988 = Llame al 988
crisis-text-988 = Envíe un texto al 988
nav-label = Principal
nav-home = Inicio
nav-staff-home = Inicio del personal
nav-people = Personas
language-switch-label = Idioma
sign-in = Iniciar sesión
sign-out = Cerrar sesión
footer-emergency = En una emergencia, llame al
footer-about = Pathways apoya la recuperación por muchos caminos. Su información es privada y está protegida.

## Inicio
home-title = Encuentre su camino hacia la recuperación
home-lead = La recuperación es posible y es diferente para cada persona. Pathways conecta a las personas en recuperación, a sus familias y a quienes las apoyan con la ayuda adecuada.
home-help-now = Ayuda ahora mismo
home-988-detail = Línea de Prevención del Suicidio y Crisis: hable con alguien ahora, por llamada o texto.
home-access-line-detail = Le conecta con tratamiento, incluida la desintoxicación, y organiza el transporte.
home-call-911 = Llame al 911 en una emergencia médica
home-pathways-title = Muchos caminos
home-pathways-lead = Las personas encuentran la recuperación de distintas maneras, y a menudo de más de una:
pathway-clinical = Tratamiento
pathway-clinical-detail = Programas ambulatorios y residenciales, desintoxicación y medicamentos para el trastorno por consumo de opioides y de alcohol.
pathway-peer = Apoyo entre pares
pathway-peer-detail = Coaches de recuperación y grupos de ayuda mutua, con personas que han recorrido este camino.
pathway-self = Autogestión
pathway-self-detail = Su propio plan, basado en sus fortalezas, a su propio ritmo.
home-staff-title = Para el personal
home-staff-lead = Coaches de recuperación, profesionales clínicos y personal de programas:
home-staff-sign-in = inicie sesión en Pathways

## Inicio de sesión
login-help = ¿Problemas para iniciar sesión? Consulte al administrador de Pathways de su organización.
login-failed = Ese correo y esa contraseña no coinciden con ninguna cuenta. Revíselos e inténtelo de nuevo.
field-email = Correo electrónico
field-login = Correo electrónico o nombre de usuario
field-password = Contraseña

## Inicio del personal
staff-welcome = Bienvenido/a, { $name }
role-admin = Administrador/a
role-supervisor = Supervisor/a
role-coach = Coach de recuperación entre pares
role-clinician = Profesional clínico
role-access-line = Operador/a de la línea de acceso
role-provider-staff = Personal del proveedor
role-analyst = Analista
staff-caseload-detail = Las personas a quienes acompaña: sus datos y cómo comunicarse con ellas.
staff-people-detail = Todas las personas que apoya su organización.
staff-no-records-title = Registros de personas
staff-no-records-detail = Su rol no abre registros de personas.
staff-analyst-detail = Su rol trabaja solo con cifras anonimizadas: nunca ve quién es una persona.
staff-crisis-title = Líneas de crisis
staff-crisis-detail = El 988 y la línea de acceso están arriba en cada página, a un toque.

## Personas
persons-title = Personas
persons-title-caseload = Sus personas acompañadas
persons-add = Agregar una persona
persons-edit-title = Editar a { $name }
persons-search-label = Buscar por nombre
persons-count = { $count ->
    [0] No se encontró a nadie.
    [one] Una persona.
   *[other] { $count } personas.
}
search = Buscar
save = Guardar
cancel = Cancelar
edit = Editar
not-given = No indicado
language-not-given = No indicado
coach-none = Aún sin coach
form-problems = Revise estos campos
hint-preferred-name = El nombre con el que quiere que le llamen.
hint-pronouns = Por ejemplo: ella, él, elle.
hint-legal-name = Solo si hace falta, por ejemplo para el seguro.
hint-phone = Un número de EE. UU., o uno internacional que empiece con +.
pagination-label = Páginas
pagination-previous = Página anterior
pagination-next = Página siguiente
pagination-page = Página

## Campos
field-preferred-name = Nombre preferido
field-legal-name = Nombre legal
field-pronouns = Pronombres
field-date-of-birth = Fecha de nacimiento
field-preferred-language = Idioma preferido
field-phone = Teléfono
field-assigned-coach = Coach asignado

## Problemas en los campos
field-error-required = Este dato es obligatorio.
field-error-too-long = Es demasiado largo.
field-error-invalid-characters = Tiene caracteres que no se pueden usar.
field-error-invalid-date = Escriba una fecha como 1990-04-12.
field-error-date-out-of-range = Esa fecha no es posible.
field-error-invalid-language = Elija un idioma de la lista.
field-error-invalid-phone = Escriba un teléfono como 860-555-0142.
field-error-invalid-email = Escriba un correo como nombre@ejemplo.org.
field-error-invalid-coach = Elija un coach de su organización.

## Mensajes después de una acción
flash-saved = Guardado.
flash-created = Guardado. Se agregó a la persona.
flash-signed-out = Ha cerrado la sesión.
flash-signed-in = Ha iniciado sesión.
flash-session-ended = Su sesión terminó. Inicie sesión de nuevo.

## Errores
error-not-found = Página no encontrada
error-not-found-detail = No hay nada aquí, o no tiene acceso.
error-forbidden = No disponible para su rol
error-forbidden-detail = Su rol no puede abrir esta página.
error-unauthorized = Inicie sesión
error-unauthorized-detail = Esto requiere una sesión o un token de API válidos.
error-csrf = Este formulario caducó
error-csrf-detail = Vuelva atrás, recargue la página e inténtelo de nuevo.
error-invalid = Algunos campos necesitan atención
error-invalid-detail = Revise los campos e inténtelo de nuevo.
error-conflict = Ya está en uso
error-conflict-detail = Otro registro ya usa este valor.
error-too-many = Demasiados intentos
error-too-many-detail = Por su seguridad, espere 15 minutos antes de volver a intentarlo.
error-internal = Algo salió mal
error-internal-detail = No es usted: algo falló de nuestro lado. Inténtelo de nuevo en un momento.
error-method = No permitido
error-method-detail = Esta página no se puede usar de esa manera.
error-too-large = Demasiados datos
error-too-large-detail = Lo que se envió es demasiado grande.
error-bad-form = No se pudo leer este formulario
error-bad-form-detail = Vuelva atrás, recargue la página e inténtelo de nuevo.
error-bad-json = El cuerpo de la solicitud no es JSON válido
error-bad-json-detail = Compare el cuerpo de la solicitud con la descripción de la API.
error-request-id = Si contacta al soporte, indique esta referencia:
error-go-home = Ir a la página de inicio

## Plan de recuperación
plan-title-mine = Mi plan de recuperación
plan-title-of = Plan de recuperación: { $name }
plan-version = Versión
plan-saved-by = guardada por
plan-empty = Aún no hay plan. Empiece con una meta en cualquier área de la vida.
plan-history = Historial del plan
plan-back = Volver al plan
plan-overview = Caminos y revisión
plan-pathways = Caminos
plan-pathways-hint = Las formas de recuperación que usted elige. Elija todas las que correspondan.
plan-pathway-other = Otro camino, en sus palabras
plan-stage = Etapa
plan-review-date = Fecha de revisión
plan-review-hint = Cuándo volver a mirar este plan juntos.
plan-review-due = Revisión pendiente
plan-edit-overview = Cambiar caminos, etapa y fecha de revisión
plan-no-goals = Aún no hay metas aquí.
plan-no-changes = Sin cambios.
plan-restored-from = restaurada desde la versión { $version }
plan-restore = Restaurar la versión { $version }
plan-conflict-title = Otra persona guardó este plan mientras usted trabajaba en él
plan-conflict-detail = Sus palabras se conservan abajo. Mire lo que cambió y guarde de nuevo para aplicar sus cambios encima, o cancele para quedarse con los de la otra persona.
plan-conflict-theirs = La meta ahora dice:
plan-conflict-removed = La meta se eliminó en el otro guardado.
plan-conflict-version = El plan está ahora en la versión { $version }.
goal-edit = Editar «{ $goal }»
goal-add-in = Agregar una meta en { $dimension }
goal-edit-title = Meta
goal-text-hint = En sus propias palabras: ¿qué quiere lograr?
goal-steps-hint = Pasos pequeños: qué, quién ayuda y para cuándo. Deje vacía una fila si no la necesita.
goal-supports-hint = Personas y servicios que ayudan, uno por línea.
goal-new-note = Agregar una nota de progreso
goal-field-text = Meta
goal-field-dimension = Área de la vida
goal-field-why = Por qué me importa
goal-field-strengths = Fortalezas en las que apoyarme
goal-field-status = Estado
goal-field-target-date = Fecha objetivo
goal-field-steps = Pasos de acción
goal-field-supports = Apoyos
goal-field-notes = Notas de progreso
goal-field-id = Meta
goal-field-goals = Metas
step-what = Paso
step-who = Quién ayuda con el paso
step-by-label = Para cuándo, paso
step-by = para el
step-done = Hecho
dimension-health = Salud
dimension-health-hint = Bienestar físico y emocional, y las decisiones que lo apoyan.
dimension-home = Hogar
dimension-home-hint = Un lugar seguro y estable donde vivir.
dimension-purpose = Propósito
dimension-purpose-hint = Actividades diarias con sentido: trabajo, estudios, voluntariado, familia, creatividad.
dimension-community = Comunidad
dimension-community-hint = Relaciones y redes que ofrecen apoyo, amistad, amor y esperanza.
pathway-clinical-treatment = Tratamiento clínico
pathway-medication = Medicamentos para el trastorno por consumo de opioides o de alcohol
pathway-mutual-help = Grupos de ayuda mutua
pathway-peer-coaching = Acompañamiento de pares en la recuperación
pathway-faith-based = Recuperación basada en la fe
pathway-self-management = Autogestión
pathway-harm-reduction = Reducción de daños
pathway-other = Otro
stage-engagement = Vinculación
stage-stabilization = Inicio y estabilización
stage-maintenance = Mantenimiento
stage-quality-of-life = Mejora de la calidad de vida
goal-status-not-started = Sin empezar
goal-status-in-progress = En curso
goal-status-achieved = Lograda
goal-status-set-aside = En pausa
change-pathway-added = Camino agregado: { $pathway }
change-pathway-removed = Camino quitado: { $pathway }
change-stage = Etapa cambiada a { $stage }
change-review-date = Fecha de revisión cambiada a { $date }
change-goal-added = Meta agregada
change-goal-removed = Meta eliminada
flash-restored = Restaurado. La versión anterior es ahora el plan vigente.
field-error-too-many = Hay demasiados.
field-error-duplicate = Esto aparece dos veces.
field-error-out-of-range = Está fuera del rango permitido.
