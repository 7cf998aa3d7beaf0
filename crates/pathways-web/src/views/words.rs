//! Words shared by the pages of several areas: how a level of care, a plan dimension, a consent's categories or an
//! audit action reads in the request's language. A page's own words stay with its handler.
